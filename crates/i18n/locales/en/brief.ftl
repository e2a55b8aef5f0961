# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

## Numbers

brief-not-available = n/a
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n }k
brief-compact-m = { $n }M
brief-compact-bn = { $n }bn
brief-compact-tn = { $n }tn

# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

# The workspace's profile page, workshop and policy-cycle words. Keys begin with ws-.

## The profile pages (crates/server/src/web/profiles.rs)

ws-prof-title = Profiles
ws-prof-intro = The migration profile of any country or group, built from the official data in this Coherence, every figure with its source.
ws-prof-area = Country or group
ws-prof-area-hint = A name, an ISO 3166-1 alpha-3 code, a UN M49 code, or a group such as world, region:002, sdg:SSA or income:LIC.
ws-prof-show = Show the profile
ws-prof-countries = Countries and areas
ws-prof-groups = Groups
ws-prof-fictional = fictional (demo world)
ws-prof-downloads = Downloads
ws-prof-csv = CSV (one value per row, with unit and source)
ws-prof-xlsx = Excel workbook
ws-prof-json = JSON (every value with its unit and source)
ws-prof-brief = HTML brief (one self-contained file)
ws-prof-pdf = PDF brief (A4; US Letter: add ?paper=letter)
ws-prof-no-chromium = PDF briefs are printed with Chromium, which this server does not have; the HTML brief prints the same pages from a browser. The server's administrator can install it (`apt-get install chromium` on Debian) or set COHERENCE_CHROMIUM to its path.
ws-prof-view-brief = Open the brief as a page

## The cross-impact scale (Nilsson, Griggs and Visbeck 2016), from +3 to −3

ws-scale-indivisible = Indivisible
ws-scale-indivisible-what = progress on one is inextricably linked to progress on the other
ws-scale-reinforcing = Reinforcing
ws-scale-reinforcing-what = aids the achievement of the other
ws-scale-enabling = Enabling
ws-scale-enabling-what = creates conditions that further the other
ws-scale-consistent = Consistent
ws-scale-consistent-what = no significant positive or negative interaction
ws-scale-constraining = Constraining
ws-scale-constraining-what = limits options on the other
ws-scale-counteracting = Counteracting
ws-scale-counteracting-what = clashes with the other
ws-scale-cancelling = Cancelling
ws-scale-cancelling-what = makes it impossible to reach the other

## The workshop's network metrics

ws-metric-out-influence = Out-influence (row sum)
ws-metric-out-positive = Out-strength (+)
ws-metric-out-negative = Out (−)
ws-metric-in-influence = In-influence (column sum)
ws-metric-in-positive = In-strength (+)
ws-metric-in-negative = In (−)
ws-metric-second-order-out = Second-order out
ws-metric-second-order-in = Second-order in
ws-metric-combined-out = Combined out
ws-metric-combined-in = Combined in
ws-metric-pagerank = PageRank (positive network)
ws-metric-n-out-negative = Negative links given

## The stages of the migration cycle (IOM)

ws-stage-before-departure = Before departure
ws-stage-recruitment-departure = Recruitment and departure
ws-stage-stay-abroad = Stay abroad
ws-stage-return-reintegration = Return and reintegration

## The statuses of a policy

ws-status-planned = planned
ws-status-active = active
ws-status-suspended = suspended
ws-status-ended = ended

## The upload of an official file (static/app.js writes them, the file name or status after)

ws-upload-uploading = Uploading
ws-upload-failed = The upload failed; the server's status:
ws-upload-unreachable = The upload failed: the server could not be reached.

# Coherence's messages in English: the source language. Every other file has the same
# keys (tests/it.rs). Variables: $name. Plurals follow the Unicode CLDR's rules.

## Shared words

yes = yes
no = no

## coherence profile: text tables (crates/cli/src/profile_table.rs)

profile-editions-pinned = Editions read instead of the newest (--edition): { $editions }
profile-stock-in = Immigrants living in the country
profile-stock-out = Emigrants living abroad
profile-no-data = (no data)
profile-usd-million = { $amount } million
profile-top-destinations = Top destinations of emigrants
profile-top-origins = Top origins of immigrants
profile-flows = Estimated migration flows (stored estimates)
profile-flows-none = (none stored; see Data gaps)
profile-flow-source = { $dataset } (import { $import })
profile-economy = Remittances and the economy
profile-cost-to = Cost of sending US$200 to the country (10.c.1)
profile-cost-from = Cost of sending US$200 from the country
profile-cost-above-5 = above 5%
profile-cost-above-3 = above 3% target
profile-cost-within-3 = within 3% target
profile-skills = Skills and health workforce
profile-skilled-rate = skilled emigration rate:
profile-health-rate = health-worker emigration rate:
profile-physicians = physicians per 1,000 people:
profile-who-list = WHO safeguards list:
profile-icmw = migrant workers convention:
profile-assessments = Framework assessments (stored answers)
profile-none-stored = (none stored)
profile-not-computed = not computed
profile-exactly = exactly { $value }
profile-note = note: { $note }
profile-answers = answers: version { $version }, from { $file }, stored { $at } by { $user } ({ $reason })
profile-overall = overall: { $score }
profile-unanswered = unanswered: { $items }
profile-indicators = SDG and migration indicators (latest year)
profile-emigration-rate = emigration rate:
profile-net-migration = net migration:
profile-sdg-17-3-2 = 17.3.2 remittances % of GDP:
profile-received-pct-gdp = received % of GDP, recomputed:
profile-groups-recomputed = its groups, recomputed GDP-weighted (Σ remittances ÷ Σ GDP):
profile-group-members = { $year }; { $with_data } of { $members } members with data
profile-cost-to-summary = 10.c.1 cost to the country: average { $average } over { $corridors ->
        [one] { $corridors } corridor
       *[other] { $corridors } corridors
    } ({ $year }); { $share_above_5 } of the corridors cost more than 5%; the average is { $gap } percentage points { $side ->
        [above] above
       *[below] below
    } the 3% target
profile-cost-from-summary = cost from the country: average { $average } over { $corridors ->
        [one] { $corridors } corridor
       *[other] { $corridors } corridors
    } ({ $year }); { $share_above_5 } of the corridors cost more than 5%; the average is { $gap } percentage points { $side ->
        [above] above
       *[below] below
    } the 3% target
profile-concentration-destinations = concentration of destinations: Herfindahl { $index } over { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    } ({ $year })
profile-concentration-senders = concentration of senders: Herfindahl { $index } over { $partners ->
        [one] { $partners } partner
       *[other] { $partners } partners
    } ({ $year })
profile-members = Members of { $group } ({ $count })
profile-register = Policy register ({ $count ->
        [one] { $count } policy
       *[other] { $count } policies
    })
profile-change-edited = edited { $date } by { $user }: { $reason }
profile-change-imported = imported from a register file { $date } by { $user }: { $reason }
profile-gaps = Data gaps
profile-sources = Every value's source: coherence profile { $iso3 } --format json (or csv)

## Column headings

col-year = year
col-total-persons = total (persons)
col-male = male
col-female = female
col-pct-population = % of population
col-country = country
col-persons = persons
col-share = share
col-period = period
col-method = method
col-inflow-persons = inflow (persons)
col-outflow = outflow
col-net = net
col-source = source
col-population = population
col-gdp-usd = GDP (US$)
col-received-usd = received (US$)
col-paid-usd = paid (US$)
col-sdg-17-3-2-official = 17.3.2 official (%)
col-received-pct-gdp = received % GDP, recomputed
col-corridor = corridor
col-cost = cost
col-against-target = against SDG target
col-id = id
col-ministry = ministry
col-title = title
col-stages = stages
col-status = status
col-change = register change

## The web workspace: the frame of every page (crates/server/src/web/layout.rs, lang.rs)

web-skip = Skip to content
web-nav = Main
web-nav-home = Workspaces
web-nav-profiles = Profiles
web-nav-datasets = Datasets
web-nav-admin = Administration
web-nav-account = Account
web-sign-out = Sign out
web-tabs = Workspace
web-tab-overview = Overview
web-tab-register = Policy register
web-tab-answers = Questionnaires
web-tab-workshop = Cross-impact workshop
web-tab-corridor = Corridor
web-tab-scenarios = Scenarios
web-tab-audit = Audit
web-table-scrolls = Table (scrolls sideways on narrow screens)
web-demo-country = A country of the fictional demo world: its data and policies are invented for demonstration and describe no real country.
web-error = This page cannot be shown
web-error-back = Back to your workspaces
web-languages = Language

## Signing in and the account (crates/server/src/web/signin.rs)

web-signin-title = Sign in
web-signin-intro = Sign in with the name and password your administrator gave you.
web-signin-name = Name
web-signin-password = Password
web-signin-submit = Sign in
web-signin-account = Your account
web-signin-change = Change your password
web-signin-change-hint = Replace the one-time password an administrator gave you. You will be signed out everywhere and sign in again with the new password.
web-signin-current = Current password
web-signin-new = New password
web-signin-new-hint = 12 to 1,024 characters.
web-signin-save = Change password
web-signin-changed = Your password was changed. Sign in with the new one.
web-signin-signed-as = Signed in as
web-signin-admin = administrator of this Coherence

## The home page (crates/server/src/web/home.rs)

web-home-title = Your workspaces
web-home-none = You are not a member of any workspace yet. An administrator adds you to your government's workspace, or to a corridor partnership.
web-home-none-admin = No workspace exists yet. Make one for a government or a corridor partnership in
web-home-administration = Administration
web-home-government = Government workspace
web-home-partnership = Corridor partnership
web-home-role = Your role
web-home-admin-role = administrator (reads everything)
web-home-shared = partner: reads what is shared
web-home-since = Since your last visit
web-home-first = This is your first visit: welcome.
web-home-nothing = nothing changed
web-home-changes = changes by others
web-home-also = Also
web-home-profiles = Country and group profiles
web-home-profiles-why = migration profiles of any country from the official data, with their sources

## A workspace's overview and members (crates/server/src/web/workspace.rs)

web-ws-government = The government workspace of
web-ws-profile = the country's migration profile
web-ws-brief = the workspace's brief
web-ws-partnership = A corridor partnership of
web-ws-and = and
web-ws-partner-note = You read what this government shares with your partnership.
web-ws-members = Members
web-ws-name = Name
web-ws-role = Role
web-ws-ministry = Ministry
web-ws-actions = Actions
web-ws-remove = Remove
web-ws-add = Add a member or change a role
web-ws-user = Sign-in name
web-ws-user-hint = The person's sign-in name (an administrator makes accounts).
web-ws-role-hint = Viewers read; contributors edit what their ministry owns; coordinators edit everything, sign off answers and manage members.
web-ws-ministry-hint = For a contributor only: the ministry it works for, as the register names it.
web-ws-reason = Reason
web-ws-reason-hint = Recorded in the audit trail.
web-ws-save = Save the membership
web-ws-remove-reason = removed on the workspace's page
web-ws-no-user = no user has this sign-in name
web-ws-saved = The membership was saved.
web-ws-removed = The member was removed.

## The audit trail (crates/server/src/web/audit.rs)

web-audit-title = Audit trail
web-audit-instance = Audit trail of this Coherence
web-audit-intro = Every change, with who made it, when, the value before and after, and why.
web-audit-filter = Filter
web-audit-action = Action starts with
web-audit-action-hint = For example policy. or membership.set
web-audit-user = By
web-audit-anyone = anyone
web-audit-since = From (date)
web-audit-apply = Show
web-audit-when = When (UTC)
web-audit-who = Who
web-audit-what = Action
web-audit-target = Target
web-audit-change = Old → new
web-audit-why = Why
web-audit-console = administrator at the command line
web-audit-none = No change matches.
web-audit-next = Later changes
web-audit-first = From the first change
web-audit-rows = Changes

## Administration (crates/server/src/web/admin.rs)

web-admin-title = Administration
web-admin-users = Users
web-admin-workspaces = Workspaces
web-admin-name = Sign-in name
web-admin-name-hint = Lower-case letters, digits, '.', '-' and '_', starting with a letter.
web-admin-display = Name shown to others
web-admin-is-admin = Administrator of this Coherence
web-admin-add-user = Add a user
web-admin-state = State
web-admin-actions = Actions
web-admin-active = active
web-admin-disabled = disabled
web-admin-locked = locked until
web-admin-disable = Disable
web-admin-enable = Enable
web-admin-new-password = New password
web-admin-made = The account is ready. Give this one-time password to
web-admin-made-after = in person or by another channel; it is shown only now. They replace it on their Account page after signing in.
web-admin-reset = A new one-time password for
web-admin-back = Back to administration
web-admin-add-government = Make a government's workspace
web-admin-government-hint = One per country: its policy register, answers, workshops and scenarios, worked on by its ministries.
web-admin-ws-name = Workspace name
web-admin-country = Country
web-admin-country-hint = ISO 3166-1 alpha-3 code, UN M49 code or name.
web-admin-add-partnership = Make a corridor partnership
web-admin-partnership-hint = Joins the workspaces of a corridor's origin and destination governments; each side decides what it shares.
web-admin-origin = Origin government
web-admin-destination = Destination government
web-admin-reason = Reason
web-admin-reason-hint = Recorded in the audit trail.
web-admin-make = Make the workspace
web-admin-kind = Kind
web-admin-government = government
web-admin-partnership = partnership
web-admin-no-governments = Make two government workspaces first.
web-admin-audit = The instance's audit trail
web-admin-disable-reason = changed on the administration page

## The policy register (crates/server/src/web/register.rs)

web-reg-register = Policy register
web-reg-filters = Filter the register
web-reg-any = Any
web-reg-apply = Filter
web-reg-clear = Show all
web-reg-new = New policy
web-reg-caption = Policies
web-reg-none = No policy matches these filters.
web-reg-partial = This government shares single policies with your partnership: only those are shown.
web-reg-history = History
web-reg-details = Details
web-reg-see-above = Read-only, as said above.
web-reg-history-caption = Changes to this policy, oldest first
web-reg-no-history = No change is recorded for this policy.
web-reg-when = When
web-reg-who = Who
web-reg-action = What
web-reg-field = Field
web-reg-change = Old → new
web-reg-why = Why
web-reg-edit = Edit this policy
web-reg-view = Back to the policy
web-reg-edit-title = Edit policy
web-reg-save = Save changes
web-reg-create = Add the policy
web-reg-saved = The policy was saved.
web-reg-created = The policy was added to the register.
web-reg-read-only = You can read this policy but not edit it.
web-reg-reason = Reason for the change
web-reg-reason-hint = Required. Say why, for the history (1 to 2,000 characters).
web-reg-list-hint = Lower-case identifiers (letters, digits, hyphens) separated by ; (e.g. nurses; seasonal-workers).
web-reg-partners-hint = ISO 3166-1 alpha-3 codes separated by ; (e.g. XAB; GBR).
web-reg-ident-hint = Lower-case letters, digits and hyphens (e.g. labour).
web-reg-year-hint = A year from 1900 to 2200, or empty.
web-reg-id-hint = 1 to 64 letters, digits, '-', '_' or '.', unique in the register (e.g. XAA-LAB-07).
web-reg-stages = Stages of the migration cycle
web-reg-ministry-fixed = Only a coordinator gives a policy to another ministry.
web-reg-new-ministry-fixed = A contributor adds policies of its own ministry only.
web-reg-version-gone = Someone changed this policy since you opened it. Reload the page to see the changes.
web-reg-dash = —

## Datasets (crates/server/src/web/datasets.rs)

web-data-title = Datasets
web-data-intro = The official datasets stored in this Coherence, every edition with its publisher, source and the SHA-256 of each file it was read from. Every figure of the profiles and briefs comes from one of them.
web-data-none = No dataset is stored yet.
web-data-stored = Stored datasets
web-data-dataset = Dataset
web-data-publisher = Publisher
web-data-edition = Edition
web-data-files = Files
web-data-rows = Rows
web-data-imported = Imported
web-data-default = default edition
web-data-fictional = fictional
web-data-upload = Upload an official file
web-data-upload-intro = The file is read and checked at once (its size, its layout, its areas); it is stored by a job, whole or not at all. A file that would change stored data is refused.
web-data-file = The file
web-data-file-hint = CSV, Excel or zip, as the publisher distributes it.
web-data-kind = Layout (optional)
web-data-kind-hint = Empty: recognised from the file. Otherwise the name of a layout, as `coherence import --kind` takes it.
web-data-send = Upload and import
web-data-progress = Upload
web-data-imports = Recent imports
web-data-job = Import
web-data-status = Status
web-data-fetch = Fetching official files
web-data-fetch-text = The catalogue of official sources (UN DESA, World Bank, OECD, ILO, UNHCR and others) is fetched at the command line of the server, then imported:
web-data-fetch-later = Running fetch entries from this page is not available yet.
web-data-provenance = Provenance
web-data-key = Key
web-data-source = Source
web-data-licence = Licence
web-data-not-stated = not stated
web-data-name = Name
web-data-size = Bytes
web-data-areas = Areas defined
web-data-values = Values of areas
web-data-pairs = Values of pairs
web-data-policies = Policies
web-data-recognised = What was recognised
web-data-layout = Layout
web-data-detected = recognised from the file
web-data-named = named by the uploader
web-data-checks = Checks and notes
web-data-no-notes = The reader noted nothing.
web-data-outcome = Outcome
web-data-duplicates = Values already stored from another file of the edition
web-data-running = The import is under way
web-data-reload = Reload this page to see how far it is.
web-data-failed = The import was refused
web-data-open = See the dataset
web-data-back = Back to the datasets
web-data-no-file = choose a file to upload
web-data-not-import = is not an import

## A corridor partnership (crates/server/src/web/corridor.rs)

web-cor-title = Corridor
web-cor-not-partnership = only a corridor partnership has a corridor page; a government's workspace has a register
web-cor-figures = The corridor in figures
web-cor-figures-caption = Latest figures the corridor rules read, both ways, with their sources
web-cor-no-figures = No figure of this corridor is in the store.
web-cor-indicator = Indicator
web-cor-where = Where
web-cor-year = Year
web-cor-value = Value
web-cor-unit = Unit
web-cor-source = Source
web-cor-registers = The registers, as shared with this partnership
web-cor-origin = origin
web-cor-destination = destination
web-cor-shares-all = Shares its whole register.
web-cor-shares-none = Shares no policy with this partnership.
web-cor-shares-some = Shares single policies:
web-cor-id = Policy
web-cor-policy-title = Title
web-cor-ministry = Ministry
web-cor-status = Status
web-cor-findings = Findings of the corridor rules
web-cor-findings-intro = Rules checked on the figures and on the policies shared with this partnership.
web-cor-no-findings = No corridor rule fires on what is shared.
web-cor-unevaluated = Rules not evaluated
web-cor-severity = severity
web-cor-level = level
web-cor-why = Why it matters
web-cor-rule-source = Rule's source
web-cor-policies = Policies behind it
web-cor-attributes = Country facts
web-cor-data = Data tested
web-cor-absences = Missing
web-cor-near = Close, but not counted
web-cor-notes = Notes between the governments
web-cor-no-notes = No note yet.
web-cor-general = General notes on this corridor
web-cor-note = Your note
web-cor-note-hint = 1 to 4,000 characters; both governments read it.
web-cor-add-note = Add the note
web-cor-note-added = Your note was added.
web-cor-note-reason = a note on a corridor finding
web-cor-note-bad = a note has 1 to 4,000 characters
web-cor-finding-bad = the note's finding is a corridor rule's id or general
web-cor-sharing = What your government shares with this partnership
web-cor-share-whole = Share the whole register
web-cor-share-whole-hint = The partner then reads every policy; otherwise only the policies ticked below.
web-cor-share-one = Policies shared one by one
web-cor-share-reason = Reason for the change
web-cor-share-save = Save what is shared
web-cor-shared-saved = What your government shares was saved.
web-cor-nothing-changed = Nothing was changed.
web-cor-side = side
web-cor-wrote = wrote on
web-cor-fictional = Fictional data

## Scenarios (crates/server/src/web/scenarios.rs)

web-sc-title = Scenarios
web-sc-intro = Simulate policy options with their uncertainty: start from one of the option models or from a built-in example, run it, and add the result to the brief.
web-sc-models = Option models
web-sc-use-model = Fill a form for this model
web-sc-parameters = Parameters
web-sc-parameters-of = Parameters of
web-sc-parameter = Parameter
web-sc-unit = Unit
web-sc-domain = Values
web-sc-default = Default
web-sc-source = Source of the default
web-sc-fixed = fixed (a number, not a distribution)
web-sc-examples = Examples
web-sc-examples-intro = Scenario files of the demo world, with several options each; open one to edit and run it.
web-sc-use-example = Open this example
web-sc-runs = Runs of this workspace
web-sc-no-runs = No scenario has been run in this workspace yet.
web-sc-run = Run
web-sc-scenario = Scenario
web-sc-status = Status
web-sc-draws = Draws
web-sc-seed = Seed
web-sc-started = Started
web-sc-in-brief = in the brief
web-sc-cannot-run = Viewers read the runs; contributors and coordinators of the workspace start them.
web-sc-compare = Compare two runs
web-sc-compare-intro = Runs with the same seed and draws are compared draw by draw (the second minus the first), for each option of the same name in both.
web-sc-first = First run (A)
web-sc-second = Second run (B)
web-sc-compare-submit = Compare
web-sc-brief = The workspace's brief
web-sc-brief-link = Open the brief with the runs added to it
web-sc-new-title = A new scenario
web-sc-new-example = A scenario from the example
web-sc-name = Scenario name
web-sc-description = Description
web-sc-description-hint = What the option is and why it is simulated (optional).
web-sc-option = Option name
web-sc-option-hint = How the charts and tables name this option.
web-sc-baseline = Baseline
web-sc-origin = Country of origin (or the country)
web-sc-origin-hint = An ISO 3166-1 alpha-3 code, M49 code or name; the baseline's values are read from the stored data.
web-sc-destination = Country of destination
web-sc-destination-hint = Leave empty for a scenario of one country.
web-sc-year = Baseline year
web-sc-year-hint = Baseline values are the newest stored in or before this year.
web-sc-run-options = The run
web-sc-seed-hint = The same seed gives the same numbers, here and at the command line.
web-sc-draws-hint = Monte Carlo draws: more draws give steadier intervals.
web-sc-file = Scenario file (TOML)
web-sc-file-hint = The format is described in docs/scenarios.md; it is checked before the run.
web-sc-spread = uncertainty, ± % of the value
web-sc-spread-hint = Optional: the value is drawn from a triangular distribution this many per cent either side (kept within its allowed values).
web-sc-required = required
web-sc-from-baseline = empty: the baseline's
web-sc-start = Check and run
web-sc-back = Back to the scenarios
web-sc-running = The run is under way
web-sc-running-noscript = Reload this page to see how far it is.
web-sc-failed = The run failed
web-sc-cancelled = The run was cancelled.
web-sc-summary = Summary of the draws
web-sc-output = Output
web-sc-side = For
web-sc-year-col = Year
web-sc-mean = Mean
web-sc-files = Files of the run
web-sc-the-file = The scenario file
web-sc-add-brief = Add to the brief
web-sc-remove-brief = Take out of the brief
web-sc-added = The run is in the workspace's brief.
web-sc-removed = The run was taken out of the brief.
web-sc-add-reason = added to the brief from the scenarios page
web-sc-remove-reason = taken out of the brief from the scenarios page
web-sc-options-compare = Compare two options of this run
web-sc-option-a = Option A
web-sc-option-b = Option B
web-sc-compare-title = Comparison
web-sc-differences = Differences B − A over the draws
web-sc-share = Share of draws with B > A
web-sc-not-a-run = is not a finished scenario run of this workspace

## The cross-impact workshop (crates/server/src/web/workshop.rs)

web-wk-title = Cross-impact workshop
web-wk-intro = A cross-impact matrix asks, for every ordered pair of objectives or policies: if progress is made on the first, how does it influence progress on the second? Each assessor scores every pair from −3 to +3 with a reason; the results show the median, where assessors disagree, and how the objectives influence each other as a network.
web-wk-matrices = Matrices
web-wk-no-matrices = No matrix yet.
web-wk-no-matrices-ask = A coordinator of the workspace makes one.
web-wk-elements = elements
web-wk-cells = pairs to score
web-wk-finished = assessors finished
web-wk-progress = Scores given
web-wk-make = Make a matrix
web-wk-make-intro = Pick policies of the register and type objectives: together they are the matrix's rows and columns (2 to 200). Every contributor and coordinator of the workspace is asked to score it.
web-wk-name = Name of the matrix
web-wk-name-hint = 1 to 200 characters, not the name of another matrix here.
web-wk-policies = Policies of the register
web-wk-no-policies = The register holds no policy of this government yet.
web-wk-objectives = Objectives
web-wk-objectives-hint = One per line: an id (letters, digits, - _ or .), a colon, and the objective, e.g. “health: Universal health coverage”. A line without an id gets one (o1, o2, …).
web-wk-reason = Reason
web-wk-reason-hint = Why (kept in the audit trail).
web-wk-submit-make = Make the matrix
web-wk-scale = The scale
web-wk-not-scored = Not scored yet
web-wk-score-title = Your scores
web-wk-score-intro = Choose a score and give a reason for each pair; you can save part of the matrix and come back. Saving again replaces your own earlier scores (the audit trail keeps them).
web-wk-next = Go to your next unscored pair
web-wk-all-done = You have scored every pair.
web-wk-row-legend = If progress is made on
web-wk-row-legend-after = how does it influence progress on…
web-wk-left = left to score
web-wk-why = Reason
web-wk-save = Save my scores
web-wk-saved = scores saved.
web-wk-nothing-saved = Nothing changed: no score was saved.
web-wk-cannot-score = Scoring needs the contributor or coordinator role in this workspace; you can follow the progress and read the results.
web-wk-needs-score = Choose a score for this reason, or clear the reason.
web-wk-bad-score = A score is a whole number from −3 to +3.
web-wk-fix = Some scores were not saved: see the pairs marked below.
web-wk-tracker = Who has scored what
web-wk-tracker-caption = Progress by assessor
web-wk-assessor = Assessor
web-wk-role = Role
web-wk-scored = Scored
web-wk-unscored = Pairs not scored yet
web-wk-former = no longer a member
web-wk-no-assessors = The workspace has no contributor or coordinator to score it yet.
web-wk-everyone = Everyone has scored every pair.
web-wk-scores-left = scores left to give
web-wk-not-finished = Not finished
web-wk-and = and
web-wk-more = more
web-wk-you = you
web-wk-results = Results
web-wk-results-link = Results: medians, disagreements, network
web-wk-back = All matrices
web-wk-scoring-link = Scoring and progress
web-wk-no-scores = No pair has been scored yet: the results appear with the first score.
web-wk-medians = Median scores
web-wk-medians-intro = Each cell is the median of the assessors' scores for “row influences column”. Marked with ! and highlighted: the assessors disagree (some positive and some negative, or 3 points or more apart).
web-wk-heat-title = Heat map of the median scores
web-wk-medians-caption = Median score by pair (row influences column)
web-wk-influences = Progress on ↓ influences →
web-wk-disagree = assessors disagree
web-wk-reasons = Scores and reasons side by side
web-wk-reasons-caption = Every assessor's score and reason, pairs where assessors disagree first
web-wk-pair = Pair
web-wk-median = Median
web-wk-range = Range
web-wk-network = The network
web-wk-network-title = Network diagram of the median scores
web-wk-metrics = Network metrics
web-wk-most-influential = Most influential (out-strength: the sum of positive influences given)
web-wk-most-influenced = Most influenced (in-strength: the sum of positive influences received)
web-wk-metrics-caption = Metrics of each objective
web-wk-objective = Objective
web-wk-conflicts = Conflicts
web-wk-conflicts-intro = Pairs whose median is −2 (counteracting) or lower, most negative first.
web-wk-no-conflicts = No pair has a median of −2 or lower.
web-wk-opposite = Signs differ
web-wk-yes = yes
web-wk-no = no
web-wk-ripples = Ripple effects (second order)
web-wk-ripples-intro = The strongest indirect influences through one intermediate objective (i → j → k, summed over j).
web-wk-ripples-caption = Strongest second-order influences
web-wk-no-ripples = No indirect influence: no chain of two non-zero links.
web-wk-via = Second-order influence
web-wk-downloads = Downloads
web-wk-csv = Judgements (CSV, for coherence matrix metrics)
web-wk-xlsx = Cells, metrics and judgements (Excel)
web-wk-graphml = Network (GraphML, for Gephi, yEd, Cytoscape)
web-wk-nothing-to-export = nothing to export: no pair of this matrix is scored yet

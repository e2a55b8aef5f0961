# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

## Charts and maps (crates/report/src/svg.rs, svg/, map.rs): the texts a chart or map
## writes itself. Values ($value, $x, $lower…) arrive already written by the
## language's conventions; $unit, $label and $name are the brief's words.

brief-chart-no-data = No data available
brief-chart-no-data-sentence = No data available.
# Joins the items of a list in a text alternative.
brief-chart-list-separator = ;{" "}
# A series in a chart's text alternative; $values are its points, joined.
brief-chart-series-values = { $name }, { $unit }: { $values }.
brief-chart-series-values-gaps = { $name } (some values missing), { $unit }: { $values }.
brief-chart-series-no-data = { $name }: no data.
# One point of a series: $x (a year) and $y (its value).
brief-chart-point = { $x } { $y }
brief-chart-point-tip = { $name }, { $x }: { $y } { $unit }
brief-chart-item = { $label }: { $value }
brief-chart-item-share = { $label }: { $value } ({ $share } of total)
brief-chart-bar-share = { $value } ({ $share })
brief-chart-values-in = Values in { $unit }.
# $interval is what the interval is, e.g. "90% interval".
brief-chart-interval-item = { $label }: { $value }, { $interval } { $lower } to { $upper }
brief-chart-interval-axis = { $unit }; bars: { $interval }
brief-chart-reference-line = Reference line: { $label } at { $value }.
brief-chart-fan-point = { $x } { $median } (90% interval { $lower } to { $upper })
brief-chart-fan-series = { $name }, median { $unit }: { $values }.
brief-chart-fan-median = { $name } (median)
brief-chart-fan-bands = 50% and 90% intervals (shaded)
brief-chart-fan-tip = { $name }, { $x }: median { $median } { $unit } (90% interval { $lower } to { $upper })
# A reference line ($label, e.g. "SDG target 3%") and its value.
brief-chart-reference-at = { $label } at { $value }
brief-chart-reference-lines = Reference lines: { $lines }.
brief-chart-above-count = { $above } of { $total } above { $threshold }.
# Legend entries of a chart with reference lines; $name is the lowest line's label.
brief-chart-above = Above { $name }
brief-chart-at-or-below = At or below { $name }
brief-map-boundary-note = The boundaries and names shown do not imply official endorsement or acceptance.
brief-map-source-note = Equal Earth projection. Boundaries: Natural Earth 1:50m (public domain).
# Classes of the map's legend; $bound is a number already written ("10k").
brief-map-class-all = all
brief-map-class-under = under { $bound }
brief-map-class-or-more = { $bound } or more
brief-map-area-code = area { $code }
brief-map-desc-world = World map, Equal Earth projection.
brief-map-desc-no-data = No destination on the map has data; every country is drawn in grey.
brief-map-desc-item = { $name } { $value }
brief-map-desc-largest = Largest { $shown } of { $total } destinations with data, persons:
brief-map-desc-all =
    { $total ->
        [one] The one destination with data, persons:
       *[other] All { $total } destinations with data, largest first, persons:
    }
brief-map-not-drawn = Not drawn (no outline at this scale): { $names }.
brief-map-desc-origin = { $name } is hatched.
# Joins names in a list.
brief-map-name-separator = ,{" "}
brief-map-tip-persons =
    { $value ->
        [one] { $name }: { $value } person
       *[other] { $name }: { $value } persons
    }
brief-map-tip-origin = { $name }: origin
brief-map-legend-title = Persons
brief-map-legend-no-data-any = no data for any destination
brief-map-legend-no-data = no data
brief-map-legend-origin = origin: { $name }

## Corridor checks (crates/report/src/corridor.rs)

brief-corridor-title = Corridor coherence
brief-corridor-none = No corridor was checked: the store has no bilateral migrant stock of this country, from which its largest partners are chosen.
# $file is the rules file's name, as code.
brief-corridor-intro = Each corridor with the country's largest partners is checked against Coherence's corridor rules ({ $file }). A finding names the policies, country attributes and data it rests on. A rule about a country's policies is evaluated only when that country's policy register is loaded: the absence of a register is not evidence that a policy is absent.
brief-corridor-no-register-for = no register for { $name } ({ $code })
brief-corridor-missing = missing { $items }
brief-corridor-unchecked-intro = Corridors that could not be fully checked, for want of a policy register:
brief-corridor-unchecked-item = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }): { $count } of { $total } { $total ->
        [one] rule
       *[other] rules
    } not evaluated — { $whose }
brief-corridor-heading = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }): { $fired } of { $total } { $total ->
        [one] rule
       *[other] rules
    } fired
brief-corridor-heading-unevaluated = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }): { $fired } of { $total } { $total ->
        [one] rule
       *[other] rules
    } fired; { $unevaluated } not evaluated
brief-corridor-no-finding = No rule fired of the { $count } evaluated for this corridor.
brief-corridor-not-evaluated = Not evaluated:
brief-corridor-gaps-intro = Coverage gaps (migration-cycle stage × policy area):
brief-corridor-unintended-intro = Policies that help development without intending to:
brief-corridor-gap-no-register = { $name }: no register loaded, so its coverage is not known
brief-corridor-gap-stages = { $name }: no active policy in no listed area; none at the stage(s) { $stages }
brief-corridor-gap-areas = { $name }: no active policy in { $areas }
brief-corridor-gap-areas-stages = { $name }: no active policy in { $areas }; none at the stage(s) { $stages }
brief-corridor-gap-between = Between the two countries: no corridor-specific policy at the stage(s) { $stages }
# The stages of the migration cycle; English writes their codes.
brief-corridor-stage-before-departure = before-departure
brief-corridor-stage-recruitment-departure = recruitment-departure
brief-corridor-stage-stay-abroad = stay-abroad
brief-corridor-stage-return-reintegration = return-reintegration
brief-corridor-severity-high = high
brief-corridor-severity-medium = medium
brief-corridor-severity-low = low
brief-corridor-level-institutional = institutional
brief-corridor-level-working = working
brief-corridor-level-between-countries = between countries
brief-corridor-finding-meta = ({ $severity } severity, { $level } level)
# $title is the policy's title, emphasised.
brief-corridor-policy = Policy { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } in { $year } ({ $test })
brief-corridor-absent = Missing: { $what }
brief-corridor-near-miss = Does not count: { $id } — { $why }
brief-corridor-source = Source: { $source }

## Policy options (crates/report/src/scenario.rs)

brief-scenario-title = Policy options
brief-scenario-intro = Effects of policy options simulated by Monte Carlo: each chart shows the median over the draws and, shaded or as whiskers, the 50 % and 90 % intervals (5th to 95th percentile). The intervals express the uncertainty of the parameters stated in the scenario file; options were simulated on the same draws, so their differences are not blurred by sampling noise.
brief-scenario-run =
    Baseline: { $baseline }. { $draws ->
        [one] { $draws } draw
       *[other] { $draws } draws
    }, seed { $seed }, run { $run }.
brief-scenario-baseline-caption = Baseline values of “{ $name }”
brief-scenario-col-value = Value
brief-scenario-col-amount = Amount
brief-scenario-col-unit = Unit
brief-scenario-col-source = Source
brief-scenario-chart-title = { $title } ({ $side })
brief-scenario-side-origin = origin
brief-scenario-side-destination = destination
brief-scenario-side-migrants = migrants
brief-scenario-interval-summary = Median over the draws with the 90% interval.
brief-scenario-interval-label = 90% interval
brief-scenario-caption = { $title }: median and intervals over { $draws } draws. Source: Coherence scenario run { $run } (seed { $seed }).
brief-scenario-caption-series = { $title }: median and intervals over { $draws } draws. Horizontal axis: year of the policy (1 = its first year). Source: Coherence scenario run { $run } (seed { $seed }).
brief-scenario-totals-caption = Totals of “{ $name }” over the draws
brief-scenario-col-output = Output
brief-scenario-col-option = Option
brief-scenario-col-mean = Mean
brief-scenario-col-median = Median
brief-scenario-col-p05 = 5th pct.
brief-scenario-col-p95 = 95th pct.

## Numbers

brief-not-available = n/a
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n }k
brief-compact-m = { $n }M
brief-compact-bn = { $n }bn
brief-compact-tn = { $n }tn

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

brief-corridor-none = No corridor was checked: the store has no bilateral migrant stock of this country, from which its largest partners are chosen.
# $file is the rules file's name, as code.
brief-corridor-intro = Each corridor with the country's largest partners is checked against Coherence's corridor rules ({ $file }). A finding names the policies, country attributes and data it rests on. A rule about a country's policies is evaluated only when that country's policy register is loaded: the absence of a register is not evidence that a policy is absent.
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
brief-corridor-finding-meta = ({ $severity } severity, { $level } level)
# $title is the policy's title, emphasised.
brief-corridor-policy = Policy { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } in { $year } ({ $test })
brief-corridor-figures-intro = The corridor in figures (latest year of each):
# $name is the figure's name (e.g. "migrant stock"), $place the corridor's direction.
brief-corridor-figure = { $name } ({ $place }): { $value } { $unit } in { $year }
brief-corridor-absent = Missing: { $what }
brief-corridor-near-miss = Does not count: { $id } — { $why }
brief-corridor-source = Source: { $source }

## Policy options (crates/report/src/scenario.rs)

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

## Units and amounts

brief-persons = { $n ->
    [one] { $n } person
   *[other] { $n } persons
}
# $n is the number already written.
brief-usd-billion = US$ { $n } billion
brief-usd-million = US$ { $n } million
brief-usd = US$ { $n }
brief-usd-ppp = { $n } PPP US$
brief-per-thousand = { $n } per 1,000 people

## Sources and tables

brief-choice-note = chosen by the rule { $rule }; not used: { $beaten }
brief-provenance-cell = cell: { $cell }
brief-provenance-derived = derived: { $how }
brief-source-label = Source { $n }
brief-table-scrolls = Table (scrolls sideways on narrow screens)
brief-note-each = { $column }: each figure's own number
brief-note-break = { $column }, from { $from }: the figures come from { $new } instead of { $old }
brief-note-source = Source: { $list }.
brief-note-sources = Sources: { $list }.
brief-note-breaks = { $label } (the marked figure starts it): { $breaks }.
brief-note-chosen = Underlined figures were chosen among several datasets' values by the rule in { $rule }.
brief-note-cell = Each figure's cell is in its tooltip and in the JSON profile.
brief-figure-table-below = The numbers are in the table below.
# $what is the name of a part of the profile (e.g. "migrant stocks"); $gaps links to the Data gaps section.
brief-no-data = No data on { $what } in this profile. See { $gaps }.
brief-break = Break in series
brief-see = See { $link }.

## The header, contents and footer

brief-title = { $country }: migration and development brief
brief-fictional-label = Fictional data
brief-kicker = Migration and development brief
brief-iso3 = ISO 3166-1 alpha-3 code { $code }
brief-m49 = UN M49 code { $code }
brief-fictional-country = a fictional country of the demo world
brief-pinned = Editions read instead of the newest, as asked: { $editions }.
# $date is the date, $editions the datasets' editions, $about a link to "About this brief".
brief-generated = Generated on { $date } by Coherence { $version } from { $editions }; see { $about }.
brief-footer = Prepared with Coherence { $version } on { $date } from official statistics. Every figure links to its source; the same data, date and version always give the same brief.
brief-contents = Contents
brief-card-unavailable = Not available

## Section headings

brief-h-summary = Summary
brief-h-headline = Headline numbers
brief-h-stocks = Migrant stocks
brief-h-corridors = Destinations and origins
brief-h-remittances = Remittances
brief-h-costs = Cost of remittances
brief-h-sdg = SDG migration indicators
brief-h-dependence = Remittance dependence
brief-h-diaspora = Diaspora
brief-h-skills = Skills and health workers
brief-h-governance = Conventions and safeguards
brief-h-labour = Labour migration
brief-h-displacement = Forced displacement
brief-h-assessments = Migration governance assessments
brief-h-policies = Policy register
brief-h-corridor-coherence = Corridor coherence
brief-h-options = Policy options
brief-h-gaps = Data gaps
brief-h-about = About this brief
brief-h-appendix = Appendix: tables
brief-h-sources = Sources

## Column headers of the tables

brief-col-year = Year
brief-col-total-persons = Total (persons)
brief-col-female-persons = Female (persons)
brief-col-male-persons = Male (persons)
brief-col-share-of-population-pct = Share of population (%)
brief-col-period = Period
brief-col-method = Method
brief-col-inflow-persons = Inflow (persons)
brief-col-outflow-persons = Outflow (persons)
brief-col-net-persons = Net (persons)
brief-col-rank = Rank
brief-col-iso-code = ISO code
brief-col-migrants-persons = Migrants (persons)
brief-col-sending-country = Sending country
brief-col-receiving-country = Receiving country
brief-col-cost-pct-of-usd200 = Cost (% of US$200)
brief-col-compared-with-the-sdg-10-c-target = Compared with the SDG 10.c target
brief-col-indicator = Indicator
brief-col-value = Value
brief-col-unit = Unit
brief-col-note = Note
brief-col-destination = Destination
brief-col-iso3 = ISO3
brief-col-m49 = M49
brief-col-persons = Persons
brief-col-domain = Domain
brief-col-answered = Answered
brief-col-answers = Answers
brief-col-score = Score
brief-col-band = Band
brief-col-id = ID
brief-col-policy = Policy
brief-col-ministry = Ministry
brief-col-area = Area
brief-col-migration-cycle-stages = Migration-cycle stages
brief-col-partner-countries = Partner countries
brief-col-status = Status
brief-col-register-change = Register change

## Headline numbers

brief-term-year = { $term } ({ $year })
# $target is "3%" written in the language; $points a number.
brief-above-target = above the { $target } target by { $points } percentage points
brief-within-target = at or below the { $target } target
brief-remittances-received = Remittances received
brief-remittances-paid = Remittances paid
brief-remittances-note = Personal remittances, current US$.
brief-remittances-paid-note = Sent from the country by the people living there.
# $share is a percentage, $source a footnote mark.
brief-share-gdp-official = { $share } of GDP in { $year } (SDG 17.3.2, official){ $source }
brief-share-gdp-recomputed = { $share } of GDP in { $year } (recomputed here; the official SDG 17.3.2 series is not loaded){ $source }
brief-cost-to = Cost of sending US$200 to { $country }
brief-cost-from = Cost of sending US$200 from { $country }
brief-cost-mean-to = Average cost of sending US$200 to { $country } (SDG 10.c.1)
brief-cost-mean-from = Average cost of sending US$200 from { $country } (SDG 10.c.1)
brief-the-corridors = the corridors
brief-cost-of-amount = of the amount sent, all fees and the exchange-rate margin included.
brief-cost-mean-note = Unweighted mean over { $count ->
    [one] { $count } corridor
   *[other] { $count } corridors
}, latest year of each; see { $link }.
brief-of-population = of the population
brief-immigrants-in = Immigrants living in { $country }
brief-emigrants-from = Emigrants from { $country } living abroad
brief-emigration-rate = Emigration rate
brief-emigration-rate-note = Emigrants as a share of everyone born in the country: emigrants ÷ (residents born in the country + emigrants).
brief-net-migration = Net migration
brief-net-migration-note = Immigrants minus emigrants over the year; negative when more people leave.
brief-skilled-rate = Skilled emigration rate
brief-skilled-rate-note = Tertiary-educated emigrants as a share of all tertiary-educated people born in the country.
brief-health-rate = Health-worker emigration rate
brief-health-rate-note = Doctors and nurses born in the country working abroad, as a share of those working at home and abroad.

## Migrant stocks, flows, destinations and origins

brief-total = Total
brief-female = Female
brief-male = Male
brief-unit-persons = persons
# $who is brief-what-immigrants or brief-what-emigrants.
brief-stock-summary = Line chart of { $who } by year and sex.
brief-stock-caption = { $heading } by year and sex (persons).
brief-stock-table = { $heading }, mid-year stock
brief-what-immigrants = immigrants
brief-what-emigrants = emigrants
brief-flows = Estimated migration flows of { $country }
brief-what-flows = estimated migration flows
brief-flows-intro = Persons who moved in and out over each period, estimated from two tables of the bilateral migrant stock and summed over the country's corridors. These are model results, not counts; the method is named in each row and its source.
brief-flows-table = { $heading }, persons over each period (stored estimates)
# $share is brief-share-emigrants or brief-share-immigrants, in lower case.
brief-corridor-summary = Bar chart, largest first; the percentage is the { $share }.
brief-corridor-caption = { $heading }, persons; in brackets the { $share }.
brief-where-emigrants = Where emigrants from { $country } live
brief-where-immigrants = Where immigrants in { $country } come from
brief-what-destinations = where emigrants live
brief-what-origins = where immigrants come from
brief-col-destination-country = Country of destination
brief-col-origin-country = Country of origin
brief-share-emigrants = Share of all emigrants
brief-share-immigrants = Share of all immigrants
brief-col-share-emigrants-pct = Share of all emigrants (%)
brief-col-share-immigrants-pct = Share of all immigrants (%)
brief-map-heading = Where the diaspora lives
brief-map-demo = The demo world cannot be mapped: its fictional countries have no place on a map of the real world.
brief-map-every-destination = every destination
brief-map-main-destinations = the main destinations only
brief-map-title = Where emigrants from { $country } live, { $year }
brief-map-description = Emigrants from { $country } by country of residence, { $year } ({ $scope }); darker means more.
brief-map-caption = Emigrants from { $country } by country of residence, { $year }, persons ({ $scope }); { $country } is hatched.

## Remittances

brief-what-remittances = remittances
brief-what-remittances-flows = remittances received or paid
brief-what-remittances-gdp = remittances as a share of GDP
brief-remittances-title = Personal remittances received and paid by { $country }
brief-received = Received
brief-paid = Paid
brief-remittances-summary = Line chart of personal remittances by year, in current US dollars.
brief-unit-current-usd = current US$
brief-remittances-caption = { $title } (current US$).
brief-remittances-table = Personal remittances of { $country }, by year
brief-col-received-usd-million = Received (current US$ million)
brief-col-paid-usd-million = Paid (current US$ million)
brief-remittances-gdp-title = Remittances received by { $country } as a share of GDP (SDG 17.3.2 and a recomputation)
brief-remittances-gdp-summary = Line chart of personal remittances received as a percentage of GDP, by year.
brief-unit-pct-gdp = % of GDP
brief-series-recomputed = Received, % of GDP (recomputed)
brief-series-official = SDG 17.3.2, official (WDI)
brief-remittances-gdp-caption = { $title } (%).
brief-remittances-gdp-table = Remittances received by { $country } and GDP, by year
brief-col-sdg-17-3-2-official-pct = SDG 17.3.2, official (%)
brief-col-received-pct-gdp-recomputed = Received (% of GDP), recomputed
brief-col-gdp-usd-million = GDP (current US$ million)

## Appendix and costs

brief-appendix-caption = Table A{ $number }. { $caption }
brief-recent-caption = { $caption }, the last { $years } years
brief-appendix-link = All years: Appendix table A{ $number }
brief-appendix-more = { $link } ({ $rows } rows).
brief-appendix-intro = The year-by-year tables whose recent years the sections above show, with every year.
brief-what-costs-to = the cost of sending money to the country
brief-what-costs-from = the cost of sending money from the country
# $target is "3%", $ceiling "5%", written in the language.
brief-cost-summary-from = Bar chart of the average cost of sending US$200 from each country, as a percentage of the amount sent, highest first, against the SDG 10.c target of { $target } and the { $ceiling } line.
brief-cost-summary-to = Bar chart of the average cost of sending US$200 to each country, as a percentage of the amount sent, highest first, against the SDG 10.c target of { $target } and the { $ceiling } line.
brief-unit-pct-usd200 = % of US$200 sent
brief-sdg-target-line = SDG target { $target }
brief-cost-caption = { $heading }: total cost as a percentage of US$200 sent; dashed line: the SDG 10.c target of { $target }; dotted line: { $ceiling }.
brief-h-costs-full = Cost of sending remittances (SDG 10.c.1)
brief-sdg-10-c = SDG target 10.c: by 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent.

## Skills, SDG indicators and dependence

brief-skilled-rate-row = Skilled emigration rate (tertiary-educated, %)
brief-health-rate-row = Health-worker emigration rate (doctors and nurses, %)
brief-physicians-row = Physicians per 1,000 people
brief-skills-table = Skilled and health-worker emigration, latest year
brief-see-gaps = see { $link }
brief-unit-ppp = PPP US$ (current international $)
brief-unit-percent = %
brief-unit-per-thousand = per 1,000 people
brief-unit-number = number
brief-unit-pct-sent = % of the amount sent
brief-unit-pct-corridors = % of corridors
brief-unit-points = percentage points
brief-cost-average-to = Average cost of the corridors to the country ({ $count } corridors)
brief-cost-average-from = Average cost of the corridors from the country ({ $count } corridors)
brief-cost-above-5-to = Corridors to the country costing more than { $ceiling }
brief-cost-above-5-from = Corridors from the country costing more than { $ceiling }
brief-cost-gap-to = Distance of the average to the country to the { $target } target
brief-cost-gap-from = Distance of the average from the country to the { $target } target
brief-cost-rpw-to = Remittance Prices Worldwide country average to the country
brief-cost-rpw-from = Remittance Prices Worldwide country average from the country
# The official names of the indicators, from the UN's global indicator framework.
brief-sdg-17-3-2-code = Indicator 17.3.2
brief-sdg-17-3-2-name = Volume of remittances (in United States dollars) as a proportion of total GDP
brief-sdg-10-c-1-code = Indicator 10.c.1
brief-sdg-10-c-1-name = Remittance costs as a proportion of the amount remitted
brief-sdg-17-3-2-row = 17.3.2 Remittances, % of GDP — { $country }
brief-sdg-official-note = official series (custodian's publication)
brief-recomputed-row = Remittances received ÷ GDP, recomputed — { $country }
brief-recomputed-note = recomputed from the figures above; not the official indicator
brief-group-row = Remittances ÷ GDP, GDP-weighted, recomputed — { $group }
brief-group-note = GDP-weighted over { $with } of { $members } members{ $missing ->
    [0] {""}
   *[other] ; { $missing } without data (listed in the source)
}
brief-what-sdg = the SDG migration indicators
brief-sdg-table = SDG 17.3.2 (remittances as % of GDP: the official series, and recomputations from the figures chosen here, the groups' GDP-weighted: Σ remittances ÷ Σ GDP over members with both) and SDG 10.c.1 (cost of sending US$200)
brief-herfindahl = Herfindahl index over { $partners } partners (1 = a single partner)
brief-dep-official = SDG 17.3.2, remittances received, % of GDP (official)
brief-dep-recomputed = Remittances received, % of GDP (recomputed)
brief-dep-exports = Remittances received, % of exports of goods and services
brief-dep-per-person = Remittances received per person living in the country
brief-concentration-destinations = Concentration of emigrants over destinations
brief-concentration-senders = Concentration of remittances over sending countries
brief-dependence-table = Remittance dependence and corridor concentration, latest year

## Diaspora and conventions

brief-table-part = { $caption } ({ $part } of { $parts })
brief-what-diaspora = corridors over time or the diaspora by destination
brief-trend-destinations = Emigrants in the main destinations over time (persons)
brief-trend-origins = Immigrants from the main origins over time (persons)
brief-diaspora-all = All { $count } destinations of the diaspora in { $year } ({ $persons } persons)
brief-note-source-one = Source: { $source }
brief-diaspora-table = Emigrants by destination (persons)
brief-ssl = WHO Health Workforce Support and Safeguards List
brief-ssl-on = On the list
brief-ssl-on-note = destinations should not actively recruit its health workers outside government-to-government agreements
brief-ssl-off = Not on the list
brief-icmw = International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (1990)
brief-icmw-party = State party
brief-icmw-not-party = Not a state party
brief-not-computed = not computed
brief-exactly = exactly { $n }

## Assessments, members, register, gaps and the colophon

brief-no-assessments = No answers to an assessment framework are stored for this country: the government's answers to the SDG 10.7.2 questionnaire, once stored, are scored here.
# $framework, $file and $sha are code; $at a time, $by a user, $reason the reason given.
brief-answers-line = Answers: version { $version } of the { $framework } answers, from { $file } (SHA-256 { $sha }), stored { $at } by { $by } — { $reason }.
brief-answered-of = { $answered } of { $items }
brief-assessment-caption = { $framework } of { $country } by domain
brief-checklist = A checklist: answers are tallied, never scored or ranked.
brief-overall = Overall
brief-rule-not-computed = A domain with an unanswered item is not computed under the framework's non-response rule; non-response is not counted as "no".
brief-rule-exclude = Unanswered items are left out of their domain's score.
brief-rule-zero = Unanswered items count as 0, as the framework's rule says (for SDG 10.7.2, its metadata assign missing values 0 at country level).
brief-unanswered = Unanswered: { $items }.
brief-change-edited = Edited { $date } by { $user }: { $reason }
brief-change-imported = Imported from a register file { $date } by { $user }: { $reason }
brief-members = Members of { $group }
brief-members-note = { $kind } — { $count } members; membership from { $source }. Stocks, population, GDP and remittances are sums over the members with a value; remittances as a share of GDP are recomputed GDP-weighted (not the official SDG 17.3.2).
brief-no-policies = No policies are registered for this country yet.
brief-register-changed = The register as it stands after its audited changes: { $changed } of these policies changed since they were imported; the register's audit log keeps every change.
brief-policies-caption = Migration-relevant policies of { $country } ({ $count })
brief-no-gaps = The profile records no data gaps.
brief-gaps-intro = These indicators could not be computed from the data available, with what would fill each gap:
brief-editions = { $count ->
    [0] no dataset
    [one] { $count } dataset edition
   *[other] { $count } dataset editions
}
brief-about-country = Country
brief-about-generated = Generated
brief-about-version = Coherence version
brief-about-editions-chosen = Editions chosen
brief-about-editions-used = Dataset editions used
brief-about-no-values = None: the profile holds no values.
brief-about-reference-data = reference data shipped with Coherence
brief-about-import = dataset import { $id }
brief-about-method = Method
brief-about-method-text = Figures are shown as stored, in their base units (persons, current US$, %). The average cost of sending US$200 is the unweighted mean of the corridor costs shown. The same data, date and version always give the same brief.
brief-no-sources = No figures are cited.
brief-source-rule = where other datasets held the same figure, chosen by the rule { $rule } (each figure's tooltip names the values not used)

## Summary

brief-key-figures = Key figures
brief-findings = Findings
# $figure is the figure with its unit, $source a footnote mark.
brief-kf-immigrants = Immigrants: { $figure } ({ $year }){ $source }
brief-kf-emigrants = Emigrants: { $figure } ({ $year }){ $source }
brief-kf-received = Remittances received: { $figure } ({ $year }){ $source }
brief-kf-paid = Remittances paid: { $figure } ({ $year }){ $source }
brief-kf-share-gdp = Remittances received, share of GDP: { $figure } ({ $year }){ $source }
brief-kf-net = Net migration: { $figure } ({ $year }){ $source }
brief-finding-gdp = Remittances received were { $share } of GDP in { $year }{ $source }.
brief-finding-gdp-world = Remittances received were { $share } of GDP in { $year }{ $source }, against { $world } for the world as a whole (GDP-weighted){ $world_source }.
brief-finding-grew = The number of emigrants from { $country } grew from { $from } in { $first } to { $to } in { $last } ({ $change }){ $source }.
brief-finding-fell = The number of emigrants from { $country } fell from { $from } in { $first } to { $to } in { $last } ({ $change }){ $source }.
brief-finding-top = The largest destination of emigrants is { $partner }, with { $stock } ({ $share } of all emigrants, { $year }){ $source }.
brief-finding-cost-to-above = The cost of sending US$200 to { $country } averaged { $mean } over { $count ->
    [one] { $count } corridor
   *[other] { $count } corridors
}{ $source }, above the SDG target of { $target }; { $above } of them cost more than { $ceiling }.
brief-finding-cost-to-within = The cost of sending US$200 to { $country } averaged { $mean } over { $count ->
    [one] { $count } corridor
   *[other] { $count } corridors
}{ $source }, at or below the SDG target of { $target }; { $above } of them cost more than { $ceiling }.
brief-finding-cost-from-above = The cost of sending US$200 from { $country } averaged { $mean } over { $count ->
    [one] { $count } corridor
   *[other] { $count } corridors
}{ $source }, above the SDG target of { $target }; { $above } of them cost more than { $ceiling }.
brief-finding-cost-from-within = The cost of sending US$200 from { $country } averaged { $mean } over { $count ->
    [one] { $count } corridor
   *[other] { $count } corridors
}{ $source }, at or below the SDG target of { $target }; { $above } of them cost more than { $ceiling }.

## The country's role

# $basis lists the figures the role rests on (brief-role-stocks, brief-role-paid-…), joined by "; ".
brief-role-origin = { $country } is mainly a country of origin: { $basis }.
brief-role-destination = { $country } is mainly a country of destination: { $basis }.
brief-role-both = { $country } is both a country of origin and of destination: { $basis }.
brief-role-unknown = The profile holds neither migrant stocks nor remittances paid and received for { $country }, so its role as a country of origin or destination is not known; the headline shows both sides.{ $basis }
brief-million = { $n } million
brief-years-and = { $a } and { $b }
brief-role-stocks = { $immigrants } immigrants against { $emigrants } emigrants ({ $years })
brief-role-paid-exceed = remittances paid ({ $paid }) exceed those received ({ $received }) in { $year }
brief-role-paid-short = remittances paid ({ $paid }) fall short of those received ({ $received }) in { $year }

## Printed pages

# "page 3 of 12" in the footer of a printed brief.
brief-page = page
brief-page-of = of

## SDG codes

# The short code of indicator 10.c.1, before the rows of its table.
brief-sdg-10-c-1-short = 10.c.1

## The demo world

# The banner of every brief of the fictional demo world.
brief-demo-notice = FICTIONAL DEMO WORLD: all countries, figures and policies are invented for demonstration and describe no real country.

## What changed since the previous editions

brief-changes = What changed since the previous editions
# $editions lists the previous editions compared, as "key edition E; …".
brief-changes-intro = Compared with the same figures read from the previous editions of the datasets ({ $editions }):
brief-changes-none = No key figure changed.
brief-change-immigrants = Immigrants
brief-change-emigrants = Emigrants
brief-change-received = Remittances received
brief-change-paid = Remittances paid
brief-change-share-gdp = Remittances received, share of GDP (SDG 17.3.2)
brief-change-net = Net migration
# $what is a figure's name, $figure its value with its unit, $source a footnote mark.
brief-change-new = { $what }: { $figure } ({ $year }){ $source }, not in the previous editions.
brief-change-later = { $what }: { $figure } ({ $year }){ $source }; the previous editions' latest figure was { $before } ({ $before_year }).
brief-change-revised = { $what }: { $figure } ({ $year }){ $source }, revised from { $before } in the previous editions.

## Breaks in a chart's series

# A part of a series drawn from one dataset: its name and its source's number.
brief-series-part = { $name } [{ $source }]
brief-chart-breaks = A change of dataset breaks a series: each part is drawn apart and named with its source's number.

## Labour migration and forced displacement (crates/report/src/brief/labour.rs).
## $country is the country's name.

brief-what-labour = nationals leaving for work abroad or migrants admitted by category
brief-deployments-caption = Nationals of { $country } who left for work abroad, by year
brief-deployments-by-sex-caption = Men and women of { $country } who left for work, by destination
brief-col-deployments-persons = Left for work abroad (persons)
brief-where-workers-went = Where nationals of { $country } went to work
brief-what-deployment-destinations = where nationals went to work
brief-share-deployments = Share of all who left for work
brief-col-share-deployments-pct = Share of all who left for work (%)
brief-channels-caption = Nationals who left for work abroad by channel or skill level ({ $year })
brief-col-channel = Channel or skill level
brief-reentry-note = Re-entries (workers returning to an employer abroad after a visit home) were { $share } of the year's departures.
brief-channels-rest = The channels shown do not add up to the year's { $total } departures: { $rest } are in no channel published here (in Nepal's tables, for instance, permits of workers legalised abroad).
brief-turnover-heading = Departures for work beside the migrant stock
brief-turnover-intro = A year's departures for work as a percentage of the migrant stock along the corridor: a high share marks temporary, circular migration, where many of those abroad leave anew each year.
brief-col-stock-year = Stock year
brief-col-turnover-pct = Departures ÷ stock (%)
brief-temporary-caption = Temporary migrants admitted by { $country }, by category (persons)
brief-permanent-caption = Permanent-type migrants admitted by { $country }, by category (persons)
brief-what-displacement = refugees, asylum-seekers and internally displaced people
brief-displacement-caption = Refugees and asylum-seekers hosted by { $country } and from { $country }, and internally displaced people, at the end of each year (persons)
brief-col-refugees-hosted = Refugees hosted
brief-col-asylum-seekers-hosted = Asylum-seekers hosted
brief-col-refugees-abroad = Refugees abroad
brief-col-asylum-seekers-abroad = Asylum-seekers abroad
brief-col-idps = Internally displaced
brief-refugee-origins = Where the refugees hosted by { $country } come from
brief-what-refugee-origins = where the refugees hosted come from
brief-share-refugees-hosted = Share of all refugees hosted
brief-col-share-refugees-hosted-pct = Share of all refugees hosted (%)
brief-col-refugees-persons = Refugees (persons)
brief-refugee-asylum = Where refugees from { $country } are hosted
brief-what-refugee-asylum = where refugees from the country are hosted
brief-col-asylum-country = Country of asylum
brief-share-refugees-abroad = Share of all refugees from the country
brief-col-share-refugees-abroad-pct = Share of all refugees from the country (%)

## Charts of labour migration and forced displacement; $title is the chart's title.

brief-labour-chart-caption = { $title }.
brief-series-deployments = Left for work abroad
brief-deployments-summary = Line chart of nationals who left for work abroad, by year.
brief-inflows-summary = Line chart of migrants admitted, by year, one line per category.
brief-displacement-summary = Line chart of refugees and asylum-seekers hosted and abroad and of internally displaced people, by year, one line per group.
brief-scenario-fit-caption = “{ $name }” against what is observed (option “{ $option }”, calibrated)
brief-scenario-col-observed = Observed
brief-scenario-col-gap = Gap (median)
brief-scenario-fit-output-year = { $output } (year { $year })
brief-scenario-fit-parameter = { $name } { $median } (90% interval { $low } to { $high }; prior uniform from { $min } to { $max })
brief-scenario-fit-note = The parameters nothing publishes for this corridor were fitted so that every simulation kept reproduces each observed figure within { $tolerance } % (approximate Bayesian computation); the options run from that fit, so its uncertainty is in their intervals. Fitted: { $parameters }. A fit shows that the model can reproduce the corridor with these values, not that they are the true values: the other parameters are as the scenario file states.

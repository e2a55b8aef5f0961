# What the analysis says in sentences (crates/analysis/src/said.rs): a profile's data
# gaps (gap-), the corridor checks' statements (check-). Every front end words them
# from here. $country, $name and $destination arrive as names in the language;
# $datasets and $table are datasets' titles as their publishers wrote them.

# Joins the items of a list inside a sentence.
analysis-list-separator = ;{" "}

## A profile's data gaps (crates/analysis/src/profiles.rs, groups.rs, profile.rs).

# A dataset and its edition, in a list of datasets.
gap-dataset-edition = { $title } (edition { $edition })
gap-not-loaded = { $topic }: not loaded; the source is { $source }.
gap-not-covered = { $topic }: { $datasets } { $count ->
    [one] is
   *[other] are
} loaded, but { $count ->
    [one] holds
   *[other] hold
} no value of it for this country (the country is not covered, or not for the years needed).

gap-topic-net-migration = Net migration
gap-source-net-migration = UN WPP net migration or WDI SM.POP.NETM
gap-topic-population = Population (needed for stocks as shares of population)
gap-source-population = WDI SP.POP.TOTL or UN WPP
gap-topic-remittances-received = Remittances received
gap-source-remittances-received = WDI BX.TRF.PWKR.CD.DT or the KNOMAD inflows workbook
gap-topic-remittances-paid = Remittances paid
gap-source-remittances-paid = WDI BM.TRF.PWKR.CD.DT or the KNOMAD outflows workbook
gap-topic-cost-to = SDG 10.c.1 (remittance costs towards this country)
gap-source-cost-to = the World Bank's Remittance Prices Worldwide (corridors)
gap-topic-skilled = Skilled emigration rate (tertiary-educated emigrants and residents)
gap-source-skilled = OECD DIOC-E, which counts emigrants living in OECD countries by country of birth, and residents by education for OECD countries only
gap-topic-physicians = Physicians per 1,000 people
gap-source-physicians = WDI SH.MED.PHYS.ZS
gap-topic-icmw = Ratification of the 1990 migrant workers convention (ICMW)
gap-source-icmw = the ratification status table (UN Treaty Collection, chapter IV-13)

gap-emigration-rate = Emigration rate: needs emigrants, immigrants and population for the same year; import the UN DESA totals by origin and by destination and WDI SP.POP.TOTL or UN WPP.
gap-bilateral-stock = Diaspora by destination, corridor trends and concentration over destinations: need the bilateral migrant stock (origin × destination); import the UN DESA International Migrant Stock by destination and origin or the World Bank bilateral migration matrix.
gap-flows-estimable = Estimated migration flows: { $stored ->
    [0] none is stored
   *[other] none of the { $stored } stored flow estimates covers this country
}; they can be estimated from the { $from } and { $to } tables of { $table } (stock differencing or demographic accounting, docs/flows.md).
gap-flows-no-table = Estimated migration flows: { $stored ->
    [0] none is stored
   *[other] none of the { $stored } stored flow estimates covers this country
}; they need two years of one table of the bilateral migrant stock (UN DESA International Migrant Stock by destination and origin).
gap-immigrant-stock = Immigrant stock: no migrant stock towards this country is loaded (neither UN DESA's totals by destination nor a bilateral table that covers it); the source is the UN DESA International Migrant Stock.
gap-emigrant-stock = Emigrant stock: no migrant stock from this country is loaded (neither UN DESA's totals by origin nor a bilateral table that covers it); the source is the UN DESA International Migrant Stock.
gap-pct-gdp = SDG 17.3.2 (remittances as % of GDP): GDP is missing for the years with remittances; import WDI NY.GDP.MKTP.CD.
gap-pct-exports = Remittances as % of exports: exports of goods and services are not loaded for the years with remittances; import WDI NE.EXP.GNFS.CD.
gap-sender-concentration = Concentration of remittances over sending countries: needs the bilateral remittance matrix; import the World Bank/KNOMAD bilateral remittance matrix.
gap-skilled-no-residents = { gap-topic-skilled }: the tertiary-educated emigrants are loaded, but not the tertiary-educated residents of the country; { gap-source-skilled }, so a country outside the OECD has emigrants and no residents there.
gap-skilled-no-emigrants = { gap-topic-skilled }: the tertiary-educated residents are loaded, but no emigrants of the country; the source is { gap-source-skilled }.
gap-health-workers = Health-worker emigration rate: needs doctors and nurses abroad and at home; import OECD or WHO health workforce data.
gap-safeguards-fictional = WHO health workforce support and safeguards list: the list covers real countries; a fictional country's status comes from the demo world's countries file.
gap-register = Policy register: no policies of this country are loaded; a register file (TOML or CSV, docs/register.md) fills it.
gap-answers = SDG 10.7.2 (well-managed migration policies): no answers of { $country } to its questionnaire are stored (item,answer rows; docs/assessment.md).

# What a reader of another government's workspace is not shown.
gap-register-partly-shared = Of the policy register of { $country }, kept in its government's workspace, { $shared } of { $total } policies are shared with you; the corridor checks, which read the whole register, are left out.
gap-register-withheld = The policy register of { $country } is kept in its government's workspace and is not shared with you; so are the corridor checks that read it.
gap-answers-withheld = The answers of { $country } to assessment frameworks are kept in its government's workspace and are not shared with you.
gap-checks-withheld = { $count ->
    [one] 1 corridor check is left out: it reads
   *[other] { $count } corridor checks are left out: they read
} the register of a government that does not share it with you.

# Groups of countries (regions, income groups, the world).
gap-group-income-unclassified = Income group members: no World Bank classification is loaded; import the World Bank CLASS workbook (income groups).
gap-group-no-members = The group has no members.
gap-group-immigrant-stock = Immigrant stock: no member has a published total or bilateral stock; import the UN DESA International Migrant Stock.
gap-group-population = Population: no member has a value; import WDI SP.POP.TOTL or UN WPP.
gap-group-remittances-received = Remittances received: no member has a value; import WDI BX.TRF.PWKR.CD.DT or the KNOMAD inflows workbook.
gap-group-net-migration = Net migration: no member has a value; import WDI SM.POP.NETM or UN WPP net migration.
gap-group-scope = Corridors, diaspora, estimated flows, remittance costs (SDG 10.c.1), skilled and health-worker emigration, the safeguards list, ICMW status and policies are given in the members' own profiles, not for groups.

## The corridor checks' statements (crates/analysis/src/corridor.rs). Tags, target
## groups and indicator codes are the rules file's identifiers and stay as written.

# Joins alternatives ("active or planned"), conditions ("tagged a and b") and the
# parts of a policy pattern.
analysis-or = {" "}or{" "}
analysis-and = {" "}and{" "}
analysis-comma = ,{" "}

# What a rule looks for in a register: "of Nepal (NPL), active, tagged …".
check-pattern-of = of { $country } ({ $code })
check-pattern-of-either = of { $origin } ({ $origin-code }) or { $destination } ({ $destination-code })
check-pattern-tags = tagged { $tags }
check-pattern-groups = for { $groups }
check-pattern-stages = at stage { $stages }
check-pattern-meet = for target groups of the '{ $name }' policies
check-pattern-partner = naming { $other } as partner
check-pattern-partner-or-none = naming { $other } or no partner
check-the-other-country = the other country
check-country = { $country } ({ $code })
# A rule's finding that a register lacks what it looks for.
check-no-policy = no policy { $pattern }
# Why a policy close to what is missing does not count.
check-near-miss = would count, but: { $reasons }
check-near-status = status { $status }
check-near-partner = does not name { $other } (partners: { $partners })
check-no-partners = none
check-unintended = tagged unintended-development-effect

# Country attributes, as a finding states them ($value is yes or no) and as a rule
# that could not be evaluated misses them.
check-attribute-who-ssl = { $country } ({ $code }) { $value ->
    [yes] is
   *[no] is not
} on the WHO health workforce support and safeguards list
check-attribute-icmw-party = { $country } ({ $code }) { $value ->
    [yes] is
   *[no] is not
} party to the migrant workers convention (ICMW)
check-attribute-ilo-c97-party = { $country } ({ $code }) { $value ->
    [yes] is
   *[no] is not
} party to ILO C97
check-attribute-ilo-c143-party = { $country } ({ $code }) { $value ->
    [yes] is
   *[no] is not
} party to ILO C143
check-whether-who-ssl = whether { $country } ({ $code }) is on the WHO health workforce support and safeguards list
check-whether-icmw-party = whether { $country } ({ $code }) is party to the migrant workers convention (ICMW)
check-whether-ilo-c97-party = whether { $country } ({ $code }) is party to ILO C97
check-whether-ilo-c143-party = whether { $country } ({ $code }) is party to ILO C143

# The tests a rule applies to a data value.
check-test-above = above { $value }
check-test-below = below { $value }

# Why a rule was not evaluated.
check-no-register-for = no register for { $country } ({ $code })
check-register-of = register of { $country } ({ $code })
check-missing = missing { $items }
check-missing-data = { $indicator } for { $place }

# Stages of the migration cycle in running text (the rules files' identifiers in English).
check-stage-before-departure = before-departure
check-stage-recruitment-departure = recruitment-departure
check-stage-stay-abroad = stay-abroad
check-stage-return-reintegration = return-reintegration

# A sentence made of items only (a list, a pattern's parts); the items are worded each.
analysis-items = { $items }

# A finding's severity and level of coherence.
check-severity-high = high
check-severity-medium = medium
check-severity-low = low
check-level-institutional = institutional
check-level-working = working
check-level-between-countries = between countries

# Labour migration and forced displacement (crates/analysis/src/labour.rs).
gap-topic-deployments = Deployments of nationals for work abroad (most countries publish none)
gap-source-deployments = ILOSTAT's outflow of nationals for employment by country of destination, or the country's own deployment statistics (docs/data.md)
gap-topic-inflows = Temporary and permanent-type migrants admitted, by category
gap-source-inflows = the OECD International Migration Database's standardised inflows (OECD destinations only)
gap-topic-refugees = Refugees and asylum-seekers
gap-source-refugees = UNHCR's Refugee Data Finder (population by country of origin and of asylum)

# Indicators named in tables and charts (analysis::said::indicator_key): channels and
# skill levels of deployments, categories of inflows.
ind-deployments-agency = through recruitment agencies
ind-deployments-individual = individually (new)
ind-deployments-g2g = government-to-government
ind-deployments-reentry = re-entry
ind-deployments-skilled = skilled
ind-deployments-low-skilled = low-skilled
ind-temporary-inflow-seasonal = seasonal workers
ind-temporary-inflow-working-holiday = working holiday makers
ind-temporary-inflow-intra-company = intra-company transfers
ind-temporary-inflow-trainees = trainees
ind-temporary-inflow-other-workers = other temporary workers
ind-temporary-inflow-students = international students
ind-permanent-inflow-work = work
ind-permanent-inflow-accompanying-family = accompanying family of workers
ind-permanent-inflow-family = family
ind-permanent-inflow-humanitarian = humanitarian
ind-permanent-inflow-free-movement = free movement
ind-permanent-inflow-other = other
ind-migrant-stock = migrant stock
ind-deployments = nationals who left for work in the year
ind-bilateral-remittances = remittances sent home
ind-remittance-cost-200 = cost of sending US$200 (% of the amount)
ind-health-workers-abroad = health workers working abroad
ind-health-workers-home = health workers at home
ind-physicians-per-1000 = physicians per 1,000 people

# A year published as monthly tables (Nepal's) with some months not stored: left out.
gap-parts-missing = Deployments of the year of { $dataset }: { $count } of its 12 monthly tables are stored; the year's total is not shown until all twelve are imported.

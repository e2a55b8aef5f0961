//! The authored table of real countries and areas: every officially assigned
//! ISO 3166-1 alpha-3 code (249 rows) and the few real areas that publishers code
//! outside ISO 3166-1 (2 rows), sorted by alpha-3 code.
//!
//! # Sources of the facts
//!
//! * Codes: ISO 3166-1 (*Codes for the representation of names of countries and
//!   their subdivisions — Part 1: Country codes*), officially assigned alpha-3 and
//!   alpha-2 codes and the numeric code.
//! * M49 codes and names: United Nations Statistics Division, *Standard country or
//!   area codes for statistical use* (M49). For every country or area the M49 code
//!   equals the ISO 3166-1 numeric code.
//! * Kind: membership of the United Nations (193 member states) and the two
//!   non-member observer states (Holy See, State of Palestine).
//!
//! # Rules
//!
//! * **Rows.** The officially assigned ISO 3166-1 codes, and the short list of
//!   *publisher codes* below. No exceptionally, transitionally or indeterminately
//!   reserved code. Every other user-assigned code is left out: Coherence keeps the
//!   user-assigned ranges for fictional areas ([`Iso3::is_fictional`]).
//! * **Publisher codes.** A real area that official publishers list separately, but
//!   that has no ISO 3166-1 code, is kept under the code its publishers give it, so
//!   that its values are stored rather than dropped. Each such row names the
//!   publisher of the code ([`RealArea::publisher`]); its alpha-2 code is the one
//!   that publisher uses, and its numeric code the one UN DESA uses:
//!
//!   | code  | area            | code used by | alpha-2 | numeric | why outside ISO 3166-1 |
//!   |-------|-----------------|--------------|---------|---------|------------------------|
//!   | `CHI` | Channel Islands | World Bank (WDI, KNOMAD) | `JG` (World Bank) | 830 (M49 and UN DESA) | Guernsey (`GGY`) and Jersey (`JEY`) together, a UN statistical area |
//!   | `XKX` | Kosovo          | World Bank; the European Union uses `XK` | `XK` (World Bank, EU) | 412 (UN DESA World Population Prospects; not in M49) | not listed by ISO 3166-1 |
//!
//!   A code is added here only when a publisher Coherence reads uses it for a real
//!   area; the list is checked in tests against the shared country-code files (the
//!   rows must be absent from them) and against `Iso3::is_fictional`.
//! * **Names.** The UN M49 short English name, spelled as the UN publishes it
//!   (diacritics and the typographic apostrophe of `Côte d’Ivoire` included), e.g.
//!   `Bolivia (Plurinational State of)`, `Türkiye`,
//!   `United Kingdom of Great Britain and Northern Ireland`,
//!   `China, Hong Kong Special Administrative Region`. Where M49 does not list the
//!   area separately (only Taiwan, `TWN`), the ISO 3166-1 English short name is
//!   used, with ISO's capitalisation adapted to title case.
//! * **Kind.** [`AreaKind::Sovereign`] for the 193 UN member states and the two
//!   observer states (195 rows); [`AreaKind::Territory`] for every other area
//!   (54 ISO rows and the 2 publisher-coded rows), whatever its status, including
//!   Antarctica, Cook Islands, Niue, Taiwan, Western Sahara and Kosovo (not a UN
//!   member state).
//!
//! # Review
//!
//! The table is authored here, not generated from a downloaded file. The
//! integration test `tests/it.rs` cross-checks every alpha-3 and M49 code against
//! the public country-code files in the shared data folder, both ways.
//!
//! [`Iso3::is_fictional`]: super::Iso3::is_fictional
//! [`RealArea::publisher`]: super::RealArea::publisher

use super::{AreaKind, Iso3, M49, RealArea};

const fn row(
    iso3: &'static str,
    iso2: &'static str,
    m49: u16,
    name: &'static str,
    kind: AreaKind,
) -> RealArea {
    RealArea { iso3: Iso3::from_static(iso3), iso2, m49: M49(m49), name, kind, publisher: None }
}

/// A row of a real area outside ISO 3166-1, under the code `publisher` gives it.
const fn publisher_row(
    iso3: &'static str,
    iso2: &'static str,
    m49: u16,
    name: &'static str,
    publisher: &'static str,
) -> RealArea {
    RealArea {
        iso3: Iso3::from_static(iso3),
        iso2,
        m49: M49(m49),
        name,
        kind: AreaKind::Territory,
        publisher: Some(publisher),
    }
}

/// A sovereign state: a UN member or observer state.
const S: AreaKind = AreaKind::Sovereign;
/// Any other area with an ISO 3166-1 code.
const T: AreaKind = AreaKind::Territory;

pub(super) static REAL_AREAS: &[RealArea] = &[
    row("ABW", "AW", 533, "Aruba", T),
    row("AFG", "AF", 4, "Afghanistan", S),
    row("AGO", "AO", 24, "Angola", S),
    row("AIA", "AI", 660, "Anguilla", T),
    row("ALA", "AX", 248, "Åland Islands", T),
    row("ALB", "AL", 8, "Albania", S),
    row("AND", "AD", 20, "Andorra", S),
    row("ARE", "AE", 784, "United Arab Emirates", S),
    row("ARG", "AR", 32, "Argentina", S),
    row("ARM", "AM", 51, "Armenia", S),
    row("ASM", "AS", 16, "American Samoa", T),
    row("ATA", "AQ", 10, "Antarctica", T),
    row("ATF", "TF", 260, "French Southern Territories", T),
    row("ATG", "AG", 28, "Antigua and Barbuda", S),
    row("AUS", "AU", 36, "Australia", S),
    row("AUT", "AT", 40, "Austria", S),
    row("AZE", "AZ", 31, "Azerbaijan", S),
    row("BDI", "BI", 108, "Burundi", S),
    row("BEL", "BE", 56, "Belgium", S),
    row("BEN", "BJ", 204, "Benin", S),
    row("BES", "BQ", 535, "Bonaire, Sint Eustatius and Saba", T),
    row("BFA", "BF", 854, "Burkina Faso", S),
    row("BGD", "BD", 50, "Bangladesh", S),
    row("BGR", "BG", 100, "Bulgaria", S),
    row("BHR", "BH", 48, "Bahrain", S),
    row("BHS", "BS", 44, "Bahamas", S),
    row("BIH", "BA", 70, "Bosnia and Herzegovina", S),
    row("BLM", "BL", 652, "Saint Barthélemy", T),
    row("BLR", "BY", 112, "Belarus", S),
    row("BLZ", "BZ", 84, "Belize", S),
    row("BMU", "BM", 60, "Bermuda", T),
    row("BOL", "BO", 68, "Bolivia (Plurinational State of)", S),
    row("BRA", "BR", 76, "Brazil", S),
    row("BRB", "BB", 52, "Barbados", S),
    row("BRN", "BN", 96, "Brunei Darussalam", S),
    row("BTN", "BT", 64, "Bhutan", S),
    row("BVT", "BV", 74, "Bouvet Island", T),
    row("BWA", "BW", 72, "Botswana", S),
    row("CAF", "CF", 140, "Central African Republic", S),
    row("CAN", "CA", 124, "Canada", S),
    row("CCK", "CC", 166, "Cocos (Keeling) Islands", T),
    row("CHE", "CH", 756, "Switzerland", S),
    publisher_row("CHI", "JG", 830, "Channel Islands", "World Bank"),
    row("CHL", "CL", 152, "Chile", S),
    row("CHN", "CN", 156, "China", S),
    row("CIV", "CI", 384, "Côte d’Ivoire", S),
    row("CMR", "CM", 120, "Cameroon", S),
    row("COD", "CD", 180, "Democratic Republic of the Congo", S),
    row("COG", "CG", 178, "Congo", S),
    row("COK", "CK", 184, "Cook Islands", T),
    row("COL", "CO", 170, "Colombia", S),
    row("COM", "KM", 174, "Comoros", S),
    row("CPV", "CV", 132, "Cabo Verde", S),
    row("CRI", "CR", 188, "Costa Rica", S),
    row("CUB", "CU", 192, "Cuba", S),
    row("CUW", "CW", 531, "Curaçao", T),
    row("CXR", "CX", 162, "Christmas Island", T),
    row("CYM", "KY", 136, "Cayman Islands", T),
    row("CYP", "CY", 196, "Cyprus", S),
    row("CZE", "CZ", 203, "Czechia", S),
    row("DEU", "DE", 276, "Germany", S),
    row("DJI", "DJ", 262, "Djibouti", S),
    row("DMA", "DM", 212, "Dominica", S),
    row("DNK", "DK", 208, "Denmark", S),
    row("DOM", "DO", 214, "Dominican Republic", S),
    row("DZA", "DZ", 12, "Algeria", S),
    row("ECU", "EC", 218, "Ecuador", S),
    row("EGY", "EG", 818, "Egypt", S),
    row("ERI", "ER", 232, "Eritrea", S),
    row("ESH", "EH", 732, "Western Sahara", T),
    row("ESP", "ES", 724, "Spain", S),
    row("EST", "EE", 233, "Estonia", S),
    row("ETH", "ET", 231, "Ethiopia", S),
    row("FIN", "FI", 246, "Finland", S),
    row("FJI", "FJ", 242, "Fiji", S),
    row("FLK", "FK", 238, "Falkland Islands (Malvinas)", T),
    row("FRA", "FR", 250, "France", S),
    row("FRO", "FO", 234, "Faroe Islands", T),
    row("FSM", "FM", 583, "Micronesia (Federated States of)", S),
    row("GAB", "GA", 266, "Gabon", S),
    row("GBR", "GB", 826, "United Kingdom of Great Britain and Northern Ireland", S),
    row("GEO", "GE", 268, "Georgia", S),
    row("GGY", "GG", 831, "Guernsey", T),
    row("GHA", "GH", 288, "Ghana", S),
    row("GIB", "GI", 292, "Gibraltar", T),
    row("GIN", "GN", 324, "Guinea", S),
    row("GLP", "GP", 312, "Guadeloupe", T),
    row("GMB", "GM", 270, "Gambia", S),
    row("GNB", "GW", 624, "Guinea-Bissau", S),
    row("GNQ", "GQ", 226, "Equatorial Guinea", S),
    row("GRC", "GR", 300, "Greece", S),
    row("GRD", "GD", 308, "Grenada", S),
    row("GRL", "GL", 304, "Greenland", T),
    row("GTM", "GT", 320, "Guatemala", S),
    row("GUF", "GF", 254, "French Guiana", T),
    row("GUM", "GU", 316, "Guam", T),
    row("GUY", "GY", 328, "Guyana", S),
    row("HKG", "HK", 344, "China, Hong Kong Special Administrative Region", T),
    row("HMD", "HM", 334, "Heard Island and McDonald Islands", T),
    row("HND", "HN", 340, "Honduras", S),
    row("HRV", "HR", 191, "Croatia", S),
    row("HTI", "HT", 332, "Haiti", S),
    row("HUN", "HU", 348, "Hungary", S),
    row("IDN", "ID", 360, "Indonesia", S),
    row("IMN", "IM", 833, "Isle of Man", T),
    row("IND", "IN", 356, "India", S),
    row("IOT", "IO", 86, "British Indian Ocean Territory", T),
    row("IRL", "IE", 372, "Ireland", S),
    row("IRN", "IR", 364, "Iran (Islamic Republic of)", S),
    row("IRQ", "IQ", 368, "Iraq", S),
    row("ISL", "IS", 352, "Iceland", S),
    row("ISR", "IL", 376, "Israel", S),
    row("ITA", "IT", 380, "Italy", S),
    row("JAM", "JM", 388, "Jamaica", S),
    row("JEY", "JE", 832, "Jersey", T),
    row("JOR", "JO", 400, "Jordan", S),
    row("JPN", "JP", 392, "Japan", S),
    row("KAZ", "KZ", 398, "Kazakhstan", S),
    row("KEN", "KE", 404, "Kenya", S),
    row("KGZ", "KG", 417, "Kyrgyzstan", S),
    row("KHM", "KH", 116, "Cambodia", S),
    row("KIR", "KI", 296, "Kiribati", S),
    row("KNA", "KN", 659, "Saint Kitts and Nevis", S),
    row("KOR", "KR", 410, "Republic of Korea", S),
    row("KWT", "KW", 414, "Kuwait", S),
    row("LAO", "LA", 418, "Lao People's Democratic Republic", S),
    row("LBN", "LB", 422, "Lebanon", S),
    row("LBR", "LR", 430, "Liberia", S),
    row("LBY", "LY", 434, "Libya", S),
    row("LCA", "LC", 662, "Saint Lucia", S),
    row("LIE", "LI", 438, "Liechtenstein", S),
    row("LKA", "LK", 144, "Sri Lanka", S),
    row("LSO", "LS", 426, "Lesotho", S),
    row("LTU", "LT", 440, "Lithuania", S),
    row("LUX", "LU", 442, "Luxembourg", S),
    row("LVA", "LV", 428, "Latvia", S),
    row("MAC", "MO", 446, "China, Macao Special Administrative Region", T),
    row("MAF", "MF", 663, "Saint Martin (French Part)", T),
    row("MAR", "MA", 504, "Morocco", S),
    row("MCO", "MC", 492, "Monaco", S),
    row("MDA", "MD", 498, "Republic of Moldova", S),
    row("MDG", "MG", 450, "Madagascar", S),
    row("MDV", "MV", 462, "Maldives", S),
    row("MEX", "MX", 484, "Mexico", S),
    row("MHL", "MH", 584, "Marshall Islands", S),
    row("MKD", "MK", 807, "North Macedonia", S),
    row("MLI", "ML", 466, "Mali", S),
    row("MLT", "MT", 470, "Malta", S),
    row("MMR", "MM", 104, "Myanmar", S),
    row("MNE", "ME", 499, "Montenegro", S),
    row("MNG", "MN", 496, "Mongolia", S),
    row("MNP", "MP", 580, "Northern Mariana Islands", T),
    row("MOZ", "MZ", 508, "Mozambique", S),
    row("MRT", "MR", 478, "Mauritania", S),
    row("MSR", "MS", 500, "Montserrat", T),
    row("MTQ", "MQ", 474, "Martinique", T),
    row("MUS", "MU", 480, "Mauritius", S),
    row("MWI", "MW", 454, "Malawi", S),
    row("MYS", "MY", 458, "Malaysia", S),
    row("MYT", "YT", 175, "Mayotte", T),
    row("NAM", "NA", 516, "Namibia", S),
    row("NCL", "NC", 540, "New Caledonia", T),
    row("NER", "NE", 562, "Niger", S),
    row("NFK", "NF", 574, "Norfolk Island", T),
    row("NGA", "NG", 566, "Nigeria", S),
    row("NIC", "NI", 558, "Nicaragua", S),
    row("NIU", "NU", 570, "Niue", T),
    row("NLD", "NL", 528, "Netherlands (Kingdom of the)", S),
    row("NOR", "NO", 578, "Norway", S),
    row("NPL", "NP", 524, "Nepal", S),
    row("NRU", "NR", 520, "Nauru", S),
    row("NZL", "NZ", 554, "New Zealand", S),
    row("OMN", "OM", 512, "Oman", S),
    row("PAK", "PK", 586, "Pakistan", S),
    row("PAN", "PA", 591, "Panama", S),
    row("PCN", "PN", 612, "Pitcairn", T),
    row("PER", "PE", 604, "Peru", S),
    row("PHL", "PH", 608, "Philippines", S),
    row("PLW", "PW", 585, "Palau", S),
    row("PNG", "PG", 598, "Papua New Guinea", S),
    row("POL", "PL", 616, "Poland", S),
    row("PRI", "PR", 630, "Puerto Rico", T),
    row("PRK", "KP", 408, "Democratic People's Republic of Korea", S),
    row("PRT", "PT", 620, "Portugal", S),
    row("PRY", "PY", 600, "Paraguay", S),
    row("PSE", "PS", 275, "State of Palestine", S),
    row("PYF", "PF", 258, "French Polynesia", T),
    row("QAT", "QA", 634, "Qatar", S),
    row("REU", "RE", 638, "Réunion", T),
    row("ROU", "RO", 642, "Romania", S),
    row("RUS", "RU", 643, "Russian Federation", S),
    row("RWA", "RW", 646, "Rwanda", S),
    row("SAU", "SA", 682, "Saudi Arabia", S),
    row("SDN", "SD", 729, "Sudan", S),
    row("SEN", "SN", 686, "Senegal", S),
    row("SGP", "SG", 702, "Singapore", S),
    row("SGS", "GS", 239, "South Georgia and the South Sandwich Islands", T),
    row("SHN", "SH", 654, "Saint Helena", T),
    row("SJM", "SJ", 744, "Svalbard and Jan Mayen Islands", T),
    row("SLB", "SB", 90, "Solomon Islands", S),
    row("SLE", "SL", 694, "Sierra Leone", S),
    row("SLV", "SV", 222, "El Salvador", S),
    row("SMR", "SM", 674, "San Marino", S),
    row("SOM", "SO", 706, "Somalia", S),
    row("SPM", "PM", 666, "Saint Pierre and Miquelon", T),
    row("SRB", "RS", 688, "Serbia", S),
    row("SSD", "SS", 728, "South Sudan", S),
    row("STP", "ST", 678, "Sao Tome and Principe", S),
    row("SUR", "SR", 740, "Suriname", S),
    row("SVK", "SK", 703, "Slovakia", S),
    row("SVN", "SI", 705, "Slovenia", S),
    row("SWE", "SE", 752, "Sweden", S),
    row("SWZ", "SZ", 748, "Eswatini", S),
    row("SXM", "SX", 534, "Sint Maarten (Dutch part)", T),
    row("SYC", "SC", 690, "Seychelles", S),
    row("SYR", "SY", 760, "Syrian Arab Republic", S),
    row("TCA", "TC", 796, "Turks and Caicos Islands", T),
    row("TCD", "TD", 148, "Chad", S),
    row("TGO", "TG", 768, "Togo", S),
    row("THA", "TH", 764, "Thailand", S),
    row("TJK", "TJ", 762, "Tajikistan", S),
    row("TKL", "TK", 772, "Tokelau", T),
    row("TKM", "TM", 795, "Turkmenistan", S),
    row("TLS", "TL", 626, "Timor-Leste", S),
    row("TON", "TO", 776, "Tonga", S),
    row("TTO", "TT", 780, "Trinidad and Tobago", S),
    row("TUN", "TN", 788, "Tunisia", S),
    row("TUR", "TR", 792, "Türkiye", S),
    row("TUV", "TV", 798, "Tuvalu", S),
    row("TWN", "TW", 158, "Taiwan, Province of China", T),
    row("TZA", "TZ", 834, "United Republic of Tanzania", S),
    row("UGA", "UG", 800, "Uganda", S),
    row("UKR", "UA", 804, "Ukraine", S),
    row("UMI", "UM", 581, "United States Minor Outlying Islands", T),
    row("URY", "UY", 858, "Uruguay", S),
    row("USA", "US", 840, "United States of America", S),
    row("UZB", "UZ", 860, "Uzbekistan", S),
    row("VAT", "VA", 336, "Holy See", S),
    row("VCT", "VC", 670, "Saint Vincent and the Grenadines", S),
    row("VEN", "VE", 862, "Venezuela (Bolivarian Republic of)", S),
    row("VGB", "VG", 92, "British Virgin Islands", T),
    row("VIR", "VI", 850, "United States Virgin Islands", T),
    row("VNM", "VN", 704, "Viet Nam", S),
    row("VUT", "VU", 548, "Vanuatu", S),
    row("WLF", "WF", 876, "Wallis and Futuna Islands", T),
    row("WSM", "WS", 882, "Samoa", S),
    publisher_row("XKX", "XK", 412, "Kosovo", "World Bank"),
    row("YEM", "YE", 887, "Yemen", S),
    row("ZAF", "ZA", 710, "South Africa", S),
    row("ZMB", "ZM", 894, "Zambia", S),
    row("ZWE", "ZW", 716, "Zimbabwe", S),
];

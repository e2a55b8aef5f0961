//! `coherence corridor` on the demo world: the corridor Pelaria → Brevmark yields the
//! six deliberate incoherences (a)–(f) of demo/README.md, each naming its evidence.

use std::path::Path;

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn ids(list: &serde_json::Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn the_demo_corridor_yields_findings_a_to_g() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let brief = std::fs::read_to_string(dir.path().join("coherence-brief-XAA.html")).unwrap();
    let section = &brief[brief.find("id=\"corridor-coherence\"").unwrap()..];
    assert!(
        section.contains("Brevmark (XAB): 7 of 7 rules fired") && section.contains("XAB-HEA-01")
    );
    let r = json(coherence(&db).args(["corridor", "XAA", "XAB", "--format", "json"]));
    assert!(r["fictional_notice"].as_str().unwrap().contains("FICTIONAL"));
    let findings = r["findings"].as_array().unwrap();
    let find = |id: &str| {
        findings.iter().find(|f| f["rule_id"] == id).unwrap_or_else(|| panic!("{id} missing"))
    };

    // (a) active recruitment from a safeguards-list country, no g2g agreement.
    let a = find("who-code-active-recruitment");
    assert_eq!(ids(&a["policies"]), ["XAB-HEA-01"]);
    assert_eq!(a["attributes"][0]["attribute"], "who_ssl");
    assert!(a["attributes"][0]["source"]["cell"].as_str().unwrap().contains("countries.csv"));
    // (b) a costly corridor: 8.1 % in 2024, from remittance_costs.csv.
    let b = find("costly-corridor-no-cost-reduction");
    assert_eq!(b["data"][0]["value"], 8.1);
    assert_eq!(b["data"][0]["year"], 2024);
    assert!(b["data"][0]["source"]["cell"].as_str().unwrap().contains("remittance_costs.csv"));
    // (c) the seasonal scheme; Pelaria's returnee loans ended in 2019.
    let c = find("temporary-scheme-without-return-or-portability");
    assert_eq!(ids(&c["policies"]), ["XAB-LAB-01"]);
    assert_eq!(ids(&c["near_misses"]), ["XAA-RET-01"]);
    // (d) the skilled visa targets the health workers Pelaria lacks.
    let d = find("skilled-migration-without-replenishment");
    assert_eq!(ids(&d["policies"]), ["XAA-HEA-01", "XAB-INT-01"]);
    assert!(
        d["context"].as_array().unwrap().iter().any(|x| x["indicator"] == "health_workers_abroad")
    );
    // (e) the levy and the diaspora strategy.
    let e = find("remittance-tax-and-promotion");
    assert_eq!(ids(&e["policies"]), ["XAA-FIN-01", "XAA-DIA-01"]);
    // (f) 1.08 million Pelarians in Brevmark, no conventions on either side.
    let f = find("large-stock-without-conventions");
    assert_eq!(f["data"][0]["value"], 1_079_990.0);
    assert!(f["data"][0]["source"]["cell"].as_str().unwrap().contains("stocks.csv"));
    assert_eq!(f["attributes"].as_array().unwrap().len(), 6);
    // (g) about 38,000 left for Brevmark in 2024, no return support at origin; the
    // corridor's figures show the deployments beside the stock.
    let g = find("large-deployments-without-return-support");
    assert_eq!(g["data"][0]["value"], 37_893.0);
    assert!(g["data"][0]["source"]["cell"].as_str().unwrap().contains("deployments.csv"));
    assert_eq!(ids(&g["near_misses"]), ["XAA-RET-01"]);
    let figures: Vec<&str> =
        r["figures"].as_array().unwrap().iter().map(|x| x["indicator"].as_str().unwrap()).collect();
    assert_eq!(
        figures,
        ["migrant_stock", "deployments", "bilateral_remittances_usd", "remittance_cost_200_pct"]
    );
    assert_eq!(findings.len(), 7);

    assert_eq!(ids(&r["unintended"]), ["XAA-INT-01"]);
    assert!(
        r["coverage"]["corridor_gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g == "return-reintegration")
    );

    // A register edit that removes an incoherence changes the findings.
    coherence(&db)
        .args(["register", "edit", "XAA-FIN-01", "--set", "status=ended", "--set", "end_year=2026"])
        .args(["--reason", "Levy repealed", "--user", "tester"])
        .assert()
        .success();
    let r = json(coherence(&db).args(["corridor", "XAA", "XAB", "--format", "json"]));
    assert!(
        !r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule_id"] == "remittance-tax-and-promotion")
    );
}

#[test]
fn every_corridor_and_the_table_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let all = json(coherence(&db).args(["corridor", "--all", "--format", "json"]));
    assert_eq!(all.as_array().unwrap().len(), 40, "the demo world's 40 corridors");
    let out = coherence(&db).args(["corridor", "Pelaria", "Brevmark"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("7 of 7 rules fired") && text.contains("XAB-HEA-01"), "{text}");
    coherence(&db).args(["corridor", "XAA", "XAA"]).assert().failure();

    // An analyst's own rules file replaces the built-in rules; a malformed one is
    // refused with its line and field.
    let rules = dir.path().join("my-rules.toml");
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/corridor-rules.toml"),
    )
    .unwrap();
    let only_first = &builtin[..builtin.match_indices("\n[[rule]]\n").nth(1).unwrap().0];
    std::fs::write(&rules, only_first).unwrap();
    let r = json(
        coherence(&db).args(["corridor", "XAA", "XAB", "--format", "json", "--rules"]).arg(&rules),
    );
    assert_eq!(r["rules_checked"], 1);
    std::fs::write(&rules, only_first.replace("severity = \"high\"", "severity = \"grave\""))
        .unwrap();
    let out =
        coherence(&db).args(["corridor", "XAA", "XAB", "--rules"]).arg(&rules).assert().failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("my-rules.toml, row ") && stderr.contains("column severity"),
        "{stderr}"
    );
}

/// The rules that test a side's policies (all but the one on data and attributes).
const NEED_A_REGISTER: [&str; 6] = [
    "who-code-active-recruitment",
    "costly-corridor-no-cost-reduction",
    "temporary-scheme-without-return-or-portability",
    "skilled-migration-without-replenishment",
    "remittance-tax-and-promotion",
    "large-deployments-without-return-support",
];

#[test]
fn real_corridors_without_registers_are_not_evaluated() {
    let (Some(stocks), Some(costs)) = (
        test_support::shared_data(
            "undesa_ims_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
        ),
        test_support::shared_data(
            "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
        ),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("-q").arg("import").arg(&stocks).arg(&costs).assert().success();

    // Every corridor: no finding of a rule that needs a register; those rules are
    // listed as not evaluated, for want of both registers.
    let all = json(coherence(&db).args(["corridor", "--all", "--format", "json"]));
    let all = all.as_array().unwrap();
    assert!(all.len() > 10_000, "{}", all.len());
    for r in all {
        let fired: Vec<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap())
            .collect();
        assert!(!fired.iter().any(|id| NEED_A_REGISTER.contains(id)), "{fired:?}");
        let no_register: Vec<&str> = r["unevaluated"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["reason"] == "no-register")
            .map(|u| u["rule_id"].as_str().unwrap())
            .collect();
        assert_eq!(no_register, NEED_A_REGISTER);
    }
    let out = coherence(&db).args(["corridor", "--all"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let total = text.lines().last().unwrap();
    assert!(
        total.contains(&format!("{} corridor(s), 0 finding(s)", all.len()))
            && total.contains(&format!("{} for lack of a register", 6 * all.len())),
        "{total}"
    );

    // Nepal → United Kingdom: sending money costs more than 5 %, but neither register
    // is loaded, so "neither side acts" is not evaluated.
    let r = json(coherence(&db).args(["corridor", "NPL", "GBR", "--format", "json"]));
    assert_eq!(r["findings"].as_array().unwrap().len(), 0);
    let u = r["unevaluated"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["rule_id"] == "costly-corridor-no-cost-reduction")
        .unwrap();
    assert_eq!(u["reason"], "no-register");
    let whose: Vec<&str> = u["missing_registers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["iso3"].as_str().unwrap())
        .collect();
    assert_eq!(whose, ["NPL", "GBR"]);
    let out = coherence(&db).args(["corridor", "NPL", "GBR"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains(
            "not evaluated: costly-corridor-no-cost-reduction — no register for Nepal (NPL); \
             no register for United Kingdom"
        ),
        "{text}"
    );
    let out = coherence(&db).args(["corridor", "NPL", "GBR", "--format", "csv"]).assert().success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(csv.contains("NPL,GBR,costly-corridor-no-cost-reduction,,,not-evaluated,no-register,"));

    // The profile's corridor checks are the same reports, and the brief names the
    // corridors not fully checked and whose register is missing.
    let profile = json(coherence(&db).args(["profile", "NPL", "--format", "json"]));
    let checks = profile["corridor_checks"].as_array().unwrap();
    assert!(!checks.is_empty());
    for c in checks {
        let (o, d) =
            (c["origin"]["iso3"].as_str().unwrap(), c["destination"]["iso3"].as_str().unwrap());
        assert_eq!(
            c,
            &json(coherence(&db).args(["corridor", o, d, "--format", "json"])),
            "{o}→{d}"
        );
    }
    let brief = dir.path().join("npl.html");
    coherence(&db).args(["report", "NPL", "-o"]).arg(&brief).assert().success();
    let brief = std::fs::read_to_string(&brief).unwrap();
    let section = &brief[brief.find("id=\"corridor-coherence\"").unwrap()..];
    assert!(
        section.contains("could not be fully checked")
            && section.contains("Nepal (NPL) → India (IND): 6 of 7 rules not evaluated — no register for Nepal (NPL); no register for India (IND)"),
        "{section}"
    );
}

//! PPML and OLS with high-dimensional fixed effects.
//!
//! Golden tests reproduce published results on the shared validation data
//! (METHODS.md §3.6 and §8: V-G1 Yotov et al. 2016 Table 1, V-G2 the ppmlhdfe FTA example,
//! V-G3 the ppmlhdfe separation data sets, V-G4 the OLS columns of Yotov Table 1).
//! Property tests check adding-up, invariance to rescaling `y`, and the equality of a
//! two-way fit on a full table with the independence fit.

use std::collections::HashMap;
use std::path::Path;

use proptest::prelude::*;
use stats::ppml::{
    self, Data, FixefRm, OlsOptions, PpmlOptions, Removal, Separation, Ssc, SscPreset, Vcov,
    group_ids, interact,
};
use test_support::assert_close;

/// A CSV file as named text columns.
struct Table {
    columns: HashMap<String, Vec<String>>,
}

impl Table {
    fn read(path: &Path) -> Table {
        let mut reader = csv::Reader::from_path(path).expect("opening CSV");
        let headers: Vec<String> =
            reader.headers().expect("CSV header").iter().map(str::to_string).collect();
        let mut columns: Vec<Vec<String>> = vec![Vec::new(); headers.len()];
        for record in reader.records() {
            let record = record.expect("CSV record");
            for (col, field) in columns.iter_mut().zip(record.iter()) {
                col.push(field.to_string());
            }
        }
        Table { columns: headers.into_iter().zip(columns).collect() }
    }

    fn text(&self, name: &str) -> &[String] {
        self.columns.get(name).unwrap_or_else(|| panic!("no column {name}"))
    }

    fn num(&self, name: &str) -> Vec<f64> {
        self.text(name).iter().map(|v| v.parse().expect("a number")).collect()
    }

    fn ids(&self, name: &str) -> Vec<u32> {
        group_ids(self.text(name))
    }

    /// Keeps the rows where `keep` holds.
    fn filter(&self, keep: &[bool]) -> Table {
        let columns = self
            .columns
            .iter()
            .map(|(name, col)| {
                let kept = col.iter().zip(keep).filter(|(_, k)| **k).map(|(v, _)| v.clone());
                (name.clone(), kept.collect())
            })
            .collect();
        Table { columns }
    }
}

fn validation(relative: &str) -> Option<Table> {
    test_support::shared_data(&format!("validation/{relative}")).map(|p| Table::read(&p))
}

/// Expected values of a golden case; `None` fields are not checked.
struct Expected<'a> {
    coef: &'a [f64],
    se: &'a [f64],
    /// Absolute tolerance on coefficients and standard errors.
    tol: f64,
    n_obs: usize,
    deviance: Option<(f64, f64)>,
    log_likelihood: Option<(f64, f64)>,
}

/// Fits PPML and compares with the published numbers.
#[track_caller]
fn check(data: &Data<'_>, options: &PpmlOptions, expected: &Expected<'_>) -> ppml::PpmlFit {
    let fit = ppml::fit(data, options).expect("PPML fit");
    assert!(fit.converged, "not converged: {fit:?}");
    assert_eq!(fit.sample.n_obs, expected.n_obs, "N");
    for (i, (&got, &want)) in fit.coef.iter().zip(expected.coef).enumerate() {
        assert_close(&format!("coef[{i}]"), got, want, 0.0, expected.tol);
    }
    for (i, (&got, &want)) in fit.se.iter().zip(expected.se).enumerate() {
        assert_close(&format!("se[{i}]"), got, want, 0.0, expected.tol);
    }
    if let Some((want, tol)) = expected.deviance {
        assert_close("deviance", fit.deviance, want, 0.0, tol);
    }
    if let Some((want, tol)) = expected.log_likelihood {
        assert_close("log-likelihood", fit.log_likelihood, want, 0.0, tol);
    }
    fit
}

/// Fits OLS and compares with the published numbers (same [`Expected`] fields).
#[track_caller]
fn check_ols(data: &Data<'_>, options: &OlsOptions, expected: &Expected<'_>) -> ppml::OlsFit {
    let fit = ppml::fit_ols(data, options).expect("OLS fit");
    assert!(fit.demean_converged);
    assert_eq!(fit.sample.n_obs, expected.n_obs, "N");
    for (i, (&got, &want)) in fit.coef.iter().zip(expected.coef).enumerate() {
        assert_close(&format!("coef[{i}]"), got, want, 0.0, expected.tol);
    }
    for (i, (&got, &want)) in fit.se.iter().zip(expected.se).enumerate() {
        assert_close(&format!("se[{i}]"), got, want, 0.0, expected.tol);
    }
    fit
}

/// Yotov et al. (2016), Chapter 1 Application 1: the six book years, international flows.
fn yotov() -> Option<Table> {
    let table = validation("yotov2016_ch1_app1_traditional_gravity.csv")?;
    let keep: Vec<bool> = table
        .text("exporter")
        .iter()
        .zip(table.text("importer"))
        .zip(table.text("year"))
        .map(|((e, i), y)| {
            e != i && ["1986", "1990", "1994", "1998", "2002", "2006"].contains(&y.as_str())
        })
        .collect();
    Some(table.filter(&keep))
}

fn stata_cluster() -> PpmlOptions {
    PpmlOptions {
        vcov: Vcov::Cluster,
        ssc: Ssc::preset(SscPreset::Stata, true),
        ..PpmlOptions::default()
    }
}

// V-G1. Full-precision values from METHODS.md §3.6 (T3.1), SE factor G/(G−1).
#[test]
fn yotov_table1_ppml() {
    let Some(t) = yotov() else { return };
    let ln_dist: Vec<f64> = t.num("DIST").iter().map(|d| d.ln()).collect();
    let (cntg, lang, clny) = (t.num("CNTG"), t.num("LANG"), t.num("CLNY"));
    let year = t.ids("year");
    let exp_year = interact(&t.ids("exporter"), &year);
    let imp_year = interact(&t.ids("importer"), &year);
    let pair = t.ids("pair_id");
    let y = t.num("trade");
    let data = Data {
        y: &y,
        x: vec![&ln_dist, &cntg, &lang, &clny],
        fixef: vec![&exp_year, &imp_year],
        cluster: vec![&pair],
        ..Data::default()
    };
    let fit = check(
        &data,
        &stata_cluster(),
        &Expected {
            coef: &[-0.840927, 0.437443, 0.247477, -0.222490],
            se: &[0.031658, 0.083160, 0.076539, 0.116244],
            tol: 6e-7,
            n_obs: 28_152,
            deviance: Some((4265228.5715, 1e-4)),
            log_likelihood: None,
        },
    );
    assert_eq!(fit.sample.n_fixef_levels, [414, 414]);
    assert_eq!(fit.sample.n_clusters, [2346]);
    assert!(fit.sample.removed.is_empty());
}

// V-G2. Published ppmlhdfe output, to its printed digits.
#[test]
fn ppmlhdfe_fta_three_way() {
    let Some(t) = validation("ppmlhdfe_example_trade_fta_total.csv") else { return };
    let (exp, imp, year) = (t.ids("isoexp"), t.ids("isoimp"), t.ids("year"));
    let imp_year = interact(&imp, &year);
    let exp_year = interact(&exp, &year);
    let pair = interact(&imp, &exp);
    let (y, fta) = (t.num("trade"), t.num("fta"));
    let data = Data {
        y: &y,
        x: vec![&fta],
        fixef: vec![&imp_year, &exp_year, &pair],
        cluster: vec![&pair],
        ..Data::default()
    };
    let fit = check(
        &data,
        &stata_cluster(),
        &Expected {
            coef: &[0.1924455],
            se: &[0.0419527],
            tol: 5e-8,
            n_obs: 5950,
            deviance: Some((377_332_502.3, 0.05)),
            log_likelihood: Some((-188_710_931.7, 0.05)),
        },
    );
    assert_eq!(fit.sample.n_clusters, [1190]);
    assert_close("pseudo-R²", fit.pseudo_r2, 0.9938, 0.0, 5e-5);
}

/// Column names of a separation data set that start with `prefix` (`x`, `id`), in order.
fn numbered(t: &Table, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = t
        .columns
        .keys()
        .filter(|k| k.strip_prefix(prefix).is_some_and(|n| n.parse::<u32>().is_ok()))
        .cloned()
        .collect();
    names.sort_by_key(|k| k[prefix.len()..].parse::<u32>().expect("numbered column"));
    names
}

/// The rows a fit with ppmlhdfe's options reports as separated (either method), and the
/// ground truth.
fn separation_case(file: &str) -> Option<(Vec<usize>, Vec<usize>)> {
    let t = validation(&format!("ppmlhdfe_separation/{file}"))?;
    let y = t.num("y");
    let xs: Vec<Vec<f64>> = numbered(&t, "x").iter().map(|n| t.num(n)).collect();
    let ids: Vec<Vec<u32>> = numbered(&t, "id").iter().map(|n| t.ids(n)).collect();
    let ones = vec![1.0; y.len()];
    let mut x: Vec<&[f64]> = xs.iter().map(Vec::as_slice).collect();
    if ids.is_empty() {
        x.insert(0, &ones);
    }
    let data = Data { y: &y, x, fixef: ids.iter().map(Vec::as_slice).collect(), ..Data::default() };
    let options = PpmlOptions {
        fixef_rm: FixefRm::Perfect,
        separation: Separation::Rectifier,
        ..PpmlOptions::default()
    };
    let found: Vec<usize> = match ppml::fit(&data, &options) {
        Ok(fit) => fit
            .sample
            .removed
            .iter()
            .filter(|(_, r)| matches!(r, Removal::SeparatedFixef | Removal::SeparatedRectifier))
            .map(|(row, _)| *row)
            .collect(),
        Err(stats::Error::NoObservations { .. }) => (0..y.len()).collect(),
        Err(e) => panic!("{file}: {e}"),
    };
    let truth: Vec<usize> =
        t.num("separated").iter().enumerate().filter(|(_, s)| **s > 0.5).map(|(i, _)| i).collect();
    Some((found, truth))
}

// V-G3, all 18 files, including the known-hard 07.csv (see docs/gravity.md).
#[test]
fn separation_datasets() {
    for i in 1..=18 {
        let file = format!("{i:02}.csv");
        let Some((found, truth)) = separation_case(&file) else { return };
        assert_eq!(found, truth, "{file}");
    }
}

// V-G4. Yotov Table 1, OLS columns (1) and (3), SE clustered by pair (book: Stata).
#[test]
fn yotov_table1_ols() {
    let Some(all) = validation("yotov2016_ch1_app1_traditional_gravity.csv") else { return };
    // Output and expenditure include domestic flows.
    let years = ["1986", "1990", "1994", "1998", "2002", "2006"];
    let in_years: Vec<bool> =
        all.text("year").iter().map(|y| years.contains(&y.as_str())).collect();
    let all = all.filter(&in_years);
    let trade = all.num("trade");
    let mut output: HashMap<(String, String), f64> = HashMap::new();
    let mut expenditure: HashMap<(String, String), f64> = HashMap::new();
    for (((e, i), y), &v) in
        all.text("exporter").iter().zip(all.text("importer")).zip(all.text("year")).zip(&trade)
    {
        *output.entry((e.clone(), y.clone())).or_default() += v;
        *expenditure.entry((i.clone(), y.clone())).or_default() += v;
    }
    let keep: Vec<bool> = all
        .text("exporter")
        .iter()
        .zip(all.text("importer"))
        .zip(&trade)
        .map(|((e, i), &v)| e != i && v > 0.0)
        .collect();
    let t = all.filter(&keep);
    let ln = |v: Vec<f64>| -> Vec<f64> { v.iter().map(|x| x.ln()).collect() };
    let ln_trade = ln(t.num("trade"));
    let ln_dist = ln(t.num("DIST"));
    let (cntg, lang, clny) = (t.num("CNTG"), t.num("LANG"), t.num("CLNY"));
    let year = t.text("year");
    let ln_y: Vec<f64> = t
        .text("exporter")
        .iter()
        .zip(year)
        .map(|(e, y)| output[&(e.clone(), y.clone())].ln())
        .collect();
    let ln_e: Vec<f64> = t
        .text("importer")
        .iter()
        .zip(year)
        .map(|(i, y)| expenditure[&(i.clone(), y.clone())].ln())
        .collect();
    let ones = vec![1.0; ln_trade.len()];
    let pair = t.ids("pair_id");
    let options = OlsOptions {
        vcov: Vcov::Cluster,
        ssc: Ssc::preset(SscPreset::Stata, false),
        ..OlsOptions::default()
    };
    let data = Data {
        y: &ln_trade,
        x: vec![&ln_dist, &cntg, &lang, &clny, &ln_y, &ln_e, &ones],
        cluster: vec![&pair],
        ..Data::default()
    };
    check_ols(
        &data,
        &options,
        &Expected {
            coef: &[-1.002, 0.574, 0.802, 0.735, 1.190, 0.908, -11.283],
            se: &[0.027, 0.185, 0.082, 0.144, 0.009, 0.010, 0.296],
            tol: 5e-4,
            n_obs: 25_689,
            deviance: None,
            log_likelihood: None,
        },
    );
    let year_ids = t.ids("year");
    let exp_year = interact(&t.ids("exporter"), &year_ids);
    let imp_year = interact(&t.ids("importer"), &year_ids);
    let data = Data {
        y: &ln_trade,
        x: vec![&ln_dist, &cntg, &lang, &clny],
        fixef: vec![&exp_year, &imp_year],
        cluster: vec![&pair],
        ..Data::default()
    };
    // The book's standard errors use G/(G−1) only.
    let book = OlsOptions { ssc: Ssc { k_adj: false, ..Ssc::FIXEST }, ..options.clone() };
    check_ols(
        &data,
        &book,
        &Expected {
            coef: &[-1.216, 0.223, 0.661, 0.670],
            se: &[0.038, 0.199, 0.081, 0.147],
            tol: 5e-4,
            n_obs: 25_689,
            deviance: None,
            log_likelihood: None,
        },
    );
    // pyfixest 0.60 defaults (its feols run on the same sample), to full precision.
    let pyfixest = OlsOptions { ssc: Ssc::preset(SscPreset::Pyfixest, false), ..options };
    check_ols(
        &data,
        &pyfixest,
        &Expected {
            coef: &[-1.21557283, 0.22315858, 0.66091204, 0.67045125],
            se: &[0.03817599, 0.20278907, 0.08207383, 0.14941756],
            tol: 5e-8,
            n_obs: 25_689,
            deviance: None,
            log_likelihood: None,
        },
    );
}

/// A full origin × destination table with a distance-like regressor.
fn full_table(flows: &[f64], n_dest: usize) -> (Vec<u32>, Vec<u32>, Vec<f64>) {
    let orig: Vec<u32> = (0..flows.len()).map(|n| (n / n_dest) as u32).collect();
    let dest: Vec<u32> = (0..flows.len()).map(|n| (n % n_dest) as u32).collect();
    let dist: Vec<f64> =
        orig.iter().zip(&dest).map(|(&o, &d)| (1.0 + f64::from(o.abs_diff(d))).ln()).collect();
    (orig, dest, dist)
}

fn flows_strategy() -> impl Strategy<Value = (Vec<f64>, usize)> {
    (2usize..6, 2usize..6).prop_flat_map(|(n_orig, n_dest)| {
        (proptest::collection::vec(0.5f64..1000.0, n_orig * n_dest), Just(n_dest))
    })
}

/// Observed and fitted totals per group.
fn totals(ids: &[u32], values: &[f64]) -> Vec<f64> {
    let n_groups = ids.iter().map(|&i| i as usize + 1).max().unwrap_or(0);
    let mut sums = vec![0.0; n_groups];
    for (&id, &v) in ids.iter().zip(values) {
        sums[id as usize] += v;
    }
    sums
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    // Origin and destination effects: fitted row and column totals equal observed ones.
    #[test]
    fn adding_up((flows, n_dest) in flows_strategy()) {
        let (orig, dest, dist) = full_table(&flows, n_dest);
        let data = Data { y: &flows, x: vec![&dist], fixef: vec![&orig, &dest], ..Data::default() };
        let fit = ppml::fit(&data, &PpmlOptions::default()).unwrap();
        prop_assert!(fit.converged);
        for ids in [&orig, &dest] {
            for (got, want) in totals(ids, &fit.fitted).iter().zip(totals(ids, &flows)) {
                prop_assert!((got - want).abs() <= 1e-6 * want, "{got} vs {want}");
            }
        }
    }

    // β does not depend on the units of y.
    #[test]
    fn invariant_to_rescaling_y((flows, n_dest) in flows_strategy(), scale in prop_oneof![Just(1e-3), Just(7.0), Just(1e6)]) {
        let (orig, dest, dist) = full_table(&flows, n_dest);
        let scaled: Vec<f64> = flows.iter().map(|y| y * scale).collect();
        let fit = |y: &[f64]| {
            let data = Data { y, x: vec![&dist], fixef: vec![&orig, &dest], ..Data::default() };
            ppml::fit(&data, &PpmlOptions::default()).unwrap()
        };
        let (a, b) = (fit(&flows), fit(&scaled));
        prop_assert!((a.coef[0] - b.coef[0]).abs() <= 1e-7 * (1.0 + a.coef[0].abs()));
    }

    // With only origin and destination effects on a full table, the fit is the
    // independence fit row_sum × col_sum / total.
    #[test]
    fn two_way_full_table_is_independence((flows, n_dest) in flows_strategy()) {
        let (orig, dest, _) = full_table(&flows, n_dest);
        let data = Data { y: &flows, fixef: vec![&orig, &dest], ..Data::default() };
        let fit = ppml::fit(&data, &PpmlOptions::default()).unwrap();
        prop_assert!(fit.converged);
        let (row, col) = (totals(&orig, &flows), totals(&dest, &flows));
        let total: f64 = flows.iter().sum();
        for n in 0..flows.len() {
            let independence = row[orig[n] as usize] * col[dest[n] as usize] / total;
            prop_assert!((fit.fitted[n] - independence).abs() <= 1e-7 * independence);
        }
    }
}

/// Outcome, regressor, origin×year, destination×year and pair ids.
type Panel = (Vec<f64>, Vec<f64>, Vec<u32>, Vec<u32>, Vec<u32>);

/// A small three-way panel: origin×year, destination×year and pair effects.
fn synthetic_panel() -> Panel {
    let (n_country, n_year) = (12u32, 5u32);
    let (mut y, mut x, mut oy, mut dy, mut pair) = (vec![], vec![], vec![], vec![], vec![]);
    for t in 0..n_year {
        for o in 0..n_country {
            for d in 0..n_country {
                let treated = f64::from(u8::from((o + d + t) % 3 == 0));
                let noise = (f64::from(o * 31 + d * 17 + t * 7)).sin();
                let mean = (0.3 * treated + 0.1 * f64::from(o) - 0.05 * f64::from(d) + noise).exp();
                y.push(if (o * d + t) % 11 == 0 { 0.0 } else { mean * 100.0 });
                x.push(treated);
                oy.push(o * n_year + t);
                dy.push(d * n_year + t);
                pair.push(o * n_country + d);
            }
        }
    }
    (y, x, oy, dy, pair)
}

// Same inputs, same bits, whatever the number of threads.
#[test]
fn reproducible_across_thread_counts() {
    let (y, x, oy, dy, pair) = synthetic_panel();
    let data = Data {
        y: &y,
        x: vec![&x],
        fixef: vec![&oy, &dy, &pair],
        cluster: vec![&pair, &oy],
        ..Data::default()
    };
    let options = PpmlOptions { vcov: Vcov::Cluster, ..PpmlOptions::ppmlhdfe() };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| ppml::fit(&data, &options).unwrap())
    };
    let (one, two) = (run(1), run(2));
    assert!(one.converged);
    assert_eq!(one.coef[0].to_bits(), two.coef[0].to_bits());
    assert_eq!(one.se[0].to_bits(), two.se[0].to_bits());
    assert_eq!(one.deviance.to_bits(), two.deviance.to_bits());
}

// Same bits whatever the thread count on a panel large enough for several chunks of the
// parallel loops (16,384 rows each), with runs of equal ids (sorted by year and origin),
// two regressors and four columns demeaned at once.
#[test]
fn reproducible_across_thread_counts_on_a_larger_panel() {
    let (n_country, n_year) = (45u32, 20u32);
    let (mut y, mut x1, mut x2, mut oy, mut dy, mut pair) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for t in 0..n_year {
        for o in 0..n_country {
            for d in (0..n_country).filter(|&d| d != o) {
                let treated = f64::from(u8::from((o * 7 + d * 3 + t) % 5 == 0));
                let cost = (f64::from(o * 13 + d * 29 + t * 3)).cos() * 0.5;
                let noise = (f64::from(o * 31 + d * 17 + t * 7)).sin();
                let eta = 0.3 * treated - 0.7 * cost + 0.05 * f64::from(o % 7)
                    - 0.04 * f64::from(d % 5)
                    + noise;
                y.push(if (o * d + t) % 13 == 0 { 0.0 } else { (eta.exp() * 20.0).round() });
                x1.push(treated);
                x2.push(cost);
                oy.push(o * n_year + t);
                dy.push(d * n_year + t);
                pair.push(o * n_country + d);
            }
        }
    }
    assert!(y.len() > 2 * 16_384);
    let data = Data { y: &y, x: vec![&x1, &x2], fixef: vec![&oy, &dy, &pair], ..Data::default() };
    let options = PpmlOptions { fixef_rm: ppml::FixefRm::Both, ..PpmlOptions::default() };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| ppml::fit(&data, &options).unwrap())
    };
    let one = run(1);
    assert!(one.converged);
    for threads in [2, 3] {
        let other = run(threads);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&one.coef), bits(&other.coef), "{threads} threads");
        assert_eq!(bits(&one.se), bits(&other.se), "{threads} threads");
        assert_eq!(one.deviance.to_bits(), other.deviance.to_bits());
        assert_eq!(one.log_likelihood.to_bits(), other.log_likelihood.to_bits());
        assert_eq!(bits(&one.fitted), bits(&other.fitted), "{threads} threads");
        assert_eq!((one.n_iter, one.n_demean_sweeps), (other.n_iter, other.n_demean_sweeps));
    }
}

// Removal reasons and collinearity are reported, not silently applied.
#[test]
fn removals_and_collinearity_are_reported() {
    // Level 0 of `a` has only zero outcomes; row 6 is a singleton of `b`; row 7 is missing.
    let y = [0.0, 0.0, 3.0, 1.0, 4.0, 2.0, 5.0, f64::NAN, 6.0, 2.0];
    let a = [0, 0, 1, 1, 2, 2, 3, 3, 1, 2];
    let b = [0, 1, 0, 1, 0, 1, 2, 0, 1, 0];
    let x1 = [1.0, 2.0, 0.5, 1.5, 2.5, 0.1, 0.3, 0.2, 0.9, 1.2];
    let x2: Vec<f64> = x1.iter().map(|v| 2.0 * v).collect();
    let data = Data { y: &y, x: vec![&x1, &x2], fixef: vec![&a, &b], ..Data::default() };
    let options = PpmlOptions { fixef_rm: FixefRm::Both, ..PpmlOptions::default() };
    let fit = ppml::fit(&data, &options).unwrap();
    assert_eq!(fit.sample.n_removed(Removal::Missing), 1);
    assert_eq!(fit.sample.n_removed(Removal::SeparatedFixef), 2);
    assert_eq!(fit.sample.n_removed(Removal::Singleton), 1);
    assert_eq!(fit.sample.collinear, [1]);
    assert!(fit.coef[1].is_nan() && fit.coef[0].is_finite());
    assert!(matches!(
        ppml::fit(&Data { y: &[1.0, -1.0], ..Data::default() }, &options),
        Err(stats::Error::NegativeOutcome { row: 1, .. })
    ));
    let ones = [1.0; 3];
    assert!(matches!(
        ppml::fit(&Data { y: &[0.0; 3], x: vec![&ones], ..Data::default() }, &options),
        Err(stats::Error::AllZeroOutcome { n_obs: 3 })
    ));
}

// Primer example (a) of ppmlhdfe's separation guide: after dropping the two separated
// observations the constant is log(1.5).
#[test]
fn separation_primer_example() {
    let y = [0.0, 0.0, 0.0, 1.0, 2.0, 3.0];
    let x = [1.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    let ones = [1.0; 6];
    let data = Data { y: &y, x: vec![&ones, &x], ..Data::default() };
    let fit = ppml::fit(&data, &PpmlOptions::ppmlhdfe()).unwrap();
    assert_eq!(
        fit.sample.removed,
        [(0, Removal::SeparatedRectifier), (1, Removal::SeparatedRectifier)]
    );
    assert_close("constant", fit.coef[0], 1.5f64.ln(), 1e-9, 0.0);
}

/// A variance type, its cluster columns and the expected standard errors.
type VcovCase<'a> = (Vcov, Vec<&'a [u32]>, [f64; 4]);

/// Standard errors of every variance type against pyfixest 0.60 (default small-sample
/// correction, `iwls_tol = 1e-12`) on the Yotov data: PPML of V-G1 and OLS of V-G4 (3).
#[test]
fn yotov_variance_types_match_pyfixest() {
    let Some(t) = yotov() else { return };
    let ln_dist: Vec<f64> = t.num("DIST").iter().map(|d| d.ln()).collect();
    let (cntg, lang, clny) = (t.num("CNTG"), t.num("LANG"), t.num("CLNY"));
    let year = t.ids("year");
    let exp_year = interact(&t.ids("exporter"), &year);
    let imp_year = interact(&t.ids("importer"), &year);
    let (pair, exporter) = (t.ids("pair_id"), t.ids("exporter"));
    let y = t.num("trade");
    let data = Data {
        y: &y,
        x: vec![&ln_dist, &cntg, &lang, &clny],
        fixef: vec![&exp_year, &imp_year],
        ..Data::default()
    };
    let ssc = Ssc::preset(SscPreset::Pyfixest, true);
    let cases: [VcovCase<'_>; 3] = [
        (Vcov::Iid, vec![], [0.0003667929, 0.0008780944, 0.0008535279, 0.0010072254]),
        (Vcov::Hetero, vec![], [0.0134712294, 0.0341185031, 0.0324366553, 0.0456570757]),
        (
            Vcov::Cluster,
            vec![&pair, &exporter],
            [0.0413257231, 0.1176010784, 0.0987521929, 0.1267589929],
        ),
    ];
    for (vcov, cluster, se) in cases {
        let fit = ppml::fit(
            &Data { cluster, ..data.clone() },
            &PpmlOptions { vcov, ssc, ..PpmlOptions::default() },
        )
        .unwrap();
        for (i, (&got, &want)) in fit.se.iter().zip(&se).enumerate() {
            assert_close(&format!("PPML {vcov:?} se[{i}]"), got, want, 2e-6, 0.0);
        }
    }

    let positive: Vec<bool> = y.iter().map(|&v| v > 0.0).collect();
    let keep = |v: &[f64]| -> Vec<f64> {
        v.iter().zip(&positive).filter(|(_, k)| **k).map(|(v, _)| *v).collect()
    };
    let keep_ids = |v: &[u32]| -> Vec<u32> {
        v.iter().zip(&positive).filter(|(_, k)| **k).map(|(v, _)| *v).collect()
    };
    let ln_trade: Vec<f64> = keep(&y).iter().map(|v| v.ln()).collect();
    let (d, c, l, k) = (keep(&ln_dist), keep(&cntg), keep(&lang), keep(&clny));
    let (ey, iy, pr, ex) =
        (keep_ids(&exp_year), keep_ids(&imp_year), keep_ids(&pair), keep_ids(&exporter));
    let ols =
        Data { y: &ln_trade, x: vec![&d, &c, &l, &k], fixef: vec![&ey, &iy], ..Data::default() };
    let ssc = Ssc::preset(SscPreset::Pyfixest, false);
    let cases: [VcovCase<'_>; 3] = [
        (Vcov::Iid, vec![], [0.0157729867, 0.0645904504, 0.0331324649, 0.064060076]),
        (Vcov::Hetero, vec![], [0.0157935671, 0.0695658663, 0.0359534978, 0.0527481858]),
        (Vcov::Cluster, vec![&pr, &ex], [0.0729314421, 0.237485958, 0.1209800299, 0.1485334877]),
    ];
    for (vcov, cluster, se) in cases {
        let fit = ppml::fit_ols(
            &Data { cluster, ..ols.clone() },
            &OlsOptions { vcov, ssc, ..OlsOptions::default() },
        )
        .unwrap();
        for (i, (&got, &want)) in fit.se.iter().zip(&se).enumerate() {
            assert_close(&format!("OLS {vcov:?} se[{i}]"), got, want, 2e-6, 0.0);
        }
    }
}

// Integer weights are frequency weights: weighting a row by 2 equals duplicating it.
// An offset shared by all rows of a fixed-effect level is absorbed: β and μ unchanged.
#[test]
fn weights_and_offsets() {
    let (y, x, oy, dy, pair) = synthetic_panel();
    let n = y.len();
    let weights: Vec<f64> = (0..n).map(|i| if i % 3 == 0 { 2.0 } else { 1.0 }).collect();
    let base = Data { y: &y, x: vec![&x], fixef: vec![&oy, &dy], ..Data::default() };
    let weighted =
        ppml::fit(&Data { weights: Some(&weights), ..base.clone() }, &PpmlOptions::default())
            .unwrap();
    let rows: Vec<usize> = (0..n).chain((0..n).filter(|i| i % 3 == 0)).collect();
    let pick_f = |v: &[f64]| -> Vec<f64> { rows.iter().map(|&r| v[r]).collect() };
    let pick_u = |v: &[u32]| -> Vec<u32> { rows.iter().map(|&r| v[r]).collect() };
    let (y2, x2, oy2, dy2) = (pick_f(&y), pick_f(&x), pick_u(&oy), pick_u(&dy));
    let duplicated = ppml::fit(
        &Data { y: &y2, x: vec![&x2], fixef: vec![&oy2, &dy2], ..Data::default() },
        &PpmlOptions::default(),
    )
    .unwrap();
    assert_close("weighted β", weighted.coef[0], duplicated.coef[0], 1e-8, 0.0);
    assert_close("weighted deviance", weighted.deviance, duplicated.deviance, 1e-8, 0.0);

    let offset: Vec<f64> = oy.iter().map(|&g| 0.1 * f64::from(g % 7)).collect();
    let plain = ppml::fit(&base, &PpmlOptions::default()).unwrap();
    let shifted =
        ppml::fit(&Data { offset: Some(&offset), ..base.clone() }, &PpmlOptions::default())
            .unwrap();
    assert_close("offset β", shifted.coef[0], plain.coef[0], 1e-8, 0.0);
    for (a, b) in shifted.fitted.iter().zip(&plain.fitted).filter(|(a, _)| a.is_finite()) {
        assert_close("offset μ", *a, *b, 1e-6, 1e-9);
    }
    let _ = pair;
}

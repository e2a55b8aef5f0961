//! The bilateral remittance matrix: the constructed test vector of METHODS.md §1.6 and
//! properties (mass preservation, zero corridors, residual areas, missing data).

use faer::Mat;
use proptest::prelude::*;
use stats::Error;
use stats::remit::{
    self, IncomeFloor, MissingIncome, OriginStatus, OtherHosts, RemitDiagnostic, RemitInput,
    RemitOptions, Weighting,
};

/// METHODS.md §1.6: origin X (index 0) with R = 100; hosts A, B, C (1, 2, 3) with
/// M = (50, 30, 20), y = (40, 20, 5), y_X = 10.
fn vector_1_6() -> Mat<f64> {
    Mat::from_fn(4, 4, |i, j| if i == 0 { [0.0, 50.0, 30.0, 20.0][j] } else { 0.0 })
}

const INCOME_1_6: [Option<f64>; 4] = [Some(10.0), Some(40.0), Some(20.0), Some(5.0)];
const INFLOWS_1_6: [Option<f64>; 4] = [Some(100.0), None, None, None];

/// Allocates the §1.6 vector with `options` and compares the amounts sent to X.
#[track_caller]
fn check(options: RemitOptions, expected: [f64; 3]) {
    let stock = vector_1_6();
    let input = RemitInput {
        stock: stock.as_ref(),
        inflows: &INFLOWS_1_6,
        income: &INCOME_1_6,
        zero_corridors: &[],
        other_areas: &[],
    };
    let m = remit::allocate(&input, &options).unwrap();
    assert_eq!(m.status[0], OriginStatus::Allocated);
    for (host, want) in expected.iter().enumerate() {
        let got = m.sent[(host + 1, 0)];
        assert!((got - want).abs() <= 1e-6, "host {}: {got} vs {want}", host + 1);
    }
    let column: f64 = (0..4).map(|j| m.sent[(j, 0)]).sum();
    assert!((column - 100.0).abs() <= 1e-9 * 100.0);
}

#[test]
fn variant_1_migrant_stock() {
    let options = RemitOptions { weighting: Weighting::MigrantStock, ..RemitOptions::default() };
    check(options, [50.0, 30.0, 20.0]);
}

#[test]
fn variant_2_host_income() {
    let options = RemitOptions { weighting: Weighting::HostIncome, ..RemitOptions::default() };
    check(options, [74.074074, 22.222222, 3.703704]);
}

#[test]
fn variant_3_with_the_zero_floor_drops_poorer_hosts() {
    // METHODS.md §1.6: M·max(y − 10, 0) = (1500, 300, 0).
    let weighting = Weighting::IncomeDifference { floor: IncomeFloor::Zero };
    check(RemitOptions { weighting, ..RemitOptions::default() }, [83.333333, 16.666667, 0.0]);
}

#[test]
fn default_weights_keep_poorer_hosts_positive() {
    // Host C (y = 5) is poorer than the origin (y = 10). The published matrices give such
    // South–South corridors a positive share (issue #21, finding 5); the default must too.
    let stock = vector_1_6();
    let input = RemitInput {
        stock: stock.as_ref(),
        inflows: &INFLOWS_1_6,
        income: &INCOME_1_6,
        zero_corridors: &[],
        other_areas: &[],
    };
    let m = remit::allocate(&input, &RemitOptions::default()).unwrap();
    assert_eq!(m.status[0], OriginStatus::Allocated);
    assert!(m.sent[(3, 0)] > 1.0, "poorer host C gets {}", m.sent[(3, 0)]);
    // Richer hosts still weigh more per migrant than poorer ones.
    assert!(m.sent[(1, 0)] / 50.0 > m.sent[(2, 0)] / 30.0);
    assert!(m.sent[(2, 0)] / 30.0 > m.sent[(3, 0)] / 20.0);
}

#[test]
fn variant_3_with_the_origin_income_floor() {
    // g = 10 + 0.5·max(y_j − 10, 0) = (25, 15, 10); M·g = (1250, 450, 200), sum 1900.
    let weighting = Weighting::IncomeDifference { floor: IncomeFloor::OriginIncome(0.5) };
    let options = RemitOptions { weighting, ..RemitOptions::default() };
    check(options, [1250.0 / 19.0, 450.0 / 19.0, 200.0 / 19.0]);
    // A gap share of 0 leaves only the origin's income, the same for every host: the
    // migrant-stock weights.
    let weighting = Weighting::IncomeDifference { floor: IncomeFloor::OriginIncome(0.0) };
    check(RemitOptions { weighting, ..RemitOptions::default() }, [50.0, 30.0, 20.0]);
}

#[test]
fn the_default_is_the_fitted_origin_income_floor() {
    let floor = IncomeFloor::OriginIncome(remit::FITTED_GAP_SHARE);
    assert_eq!(RemitOptions::default().weighting, Weighting::IncomeDifference { floor });
}

#[test]
fn negative_or_non_finite_floor_parameters_are_errors() {
    let stock = vector_1_6();
    let input = RemitInput {
        stock: stock.as_ref(),
        inflows: &INFLOWS_1_6,
        income: &INCOME_1_6,
        zero_corridors: &[],
        other_areas: &[],
    };
    for (floor, what) in [
        (IncomeFloor::OriginIncome(-0.1), "gap share"),
        (IncomeFloor::OriginIncome(f64::NAN), "gap share"),
        (IncomeFloor::HostIncomeShare(f64::INFINITY), "floor share"),
    ] {
        let options =
            RemitOptions { weighting: Weighting::IncomeDifference { floor }, ..Default::default() };
        let err = remit::allocate(&input, &options).unwrap_err();
        assert!(matches!(err, Error::InvalidOption { what: w, .. } if w == what), "{err:?}");
    }
}

#[test]
fn variant_3_with_a_floor_gives_poorer_hosts_a_share() {
    // g = max(y_j - 10, 0.5 y_j) = (30, 10, 2.5); M·g = (1500, 300, 50), sum 1850.
    let weighting = Weighting::IncomeDifference { floor: IncomeFloor::HostIncomeShare(0.5) };
    let options = RemitOptions { weighting, ..RemitOptions::default() };
    check(options, [1500.0 / 18.5, 300.0 / 18.5, 50.0 / 18.5]);
}

#[test]
fn zero_corridors_and_residual_hosts() {
    let stock = vector_1_6();
    let input = RemitInput {
        stock: stock.as_ref(),
        inflows: &INFLOWS_1_6,
        income: &INCOME_1_6,
        zero_corridors: &[(0, 1)],
        other_areas: &[3],
    };
    let options = RemitOptions {
        weighting: Weighting::MigrantStock,
        other_hosts: OtherHosts::Exclude,
        ..RemitOptions::default()
    };
    let m = remit::allocate(&input, &options).unwrap();
    // Only host 2 is left: it receives the whole inflow.
    assert!((m.sent[(2, 0)] - 100.0).abs() < 1e-12);
    assert!(m.sent[(1, 0)].abs() < 1e-300 && m.sent[(3, 0)].abs() < 1e-300);
    assert_eq!(
        m.diagnostics,
        vec![RemitDiagnostic::OtherHostExcluded { origin: 0, host: 3, stock: 20.0 }]
    );
    assert_eq!(m.status[3], OriginStatus::OtherArea);
}

#[test]
fn missing_income_fails_loudly_by_default() {
    let stock = vector_1_6();
    let income = [Some(10.0), None, Some(20.0), Some(5.0)];
    let mut input = RemitInput {
        stock: stock.as_ref(),
        inflows: &INFLOWS_1_6,
        income: &income,
        zero_corridors: &[],
        other_areas: &[],
    };
    let err = remit::allocate(&input, &RemitOptions::default()).unwrap_err();
    assert_eq!(err, Error::MissingIncome { index: 1 });

    let skip = RemitOptions { missing_income: MissingIncome::SkipOrigin, ..Default::default() };
    let m = remit::allocate(&input, &skip).unwrap();
    assert_eq!(m.status[0], OriginStatus::MissingIncome { area: 1 });
    assert!(m.sent[(2, 0)].is_nan());

    let drop = RemitOptions { missing_income: MissingIncome::DropHost, ..Default::default() };
    let m = remit::allocate(&input, &drop).unwrap();
    // Host 1's share goes to hosts 2 and 3.
    assert!(m.sent[(1, 0)].abs() < 1e-300);
    assert!((m.sent[(2, 0)] + m.sent[(3, 0)] - 100.0).abs() < 1e-12);
    assert_eq!(
        m.diagnostics,
        vec![RemitDiagnostic::HostDropped { origin: 0, host: 1, stock: 50.0 }]
    );

    // The migrant-stock weights need no income at all.
    input.income = &[None; 4];
    let stock_only = RemitOptions { weighting: Weighting::MigrantStock, ..Default::default() };
    assert!(remit::allocate(&input, &stock_only).is_ok());
}

#[test]
fn negative_stock_is_an_error() {
    let mut stock = vector_1_6();
    stock[(0, 2)] = -1.0;
    let input = RemitInput {
        stock: stock.as_ref(),
        inflows: &INFLOWS_1_6,
        income: &INCOME_1_6,
        zero_corridors: &[],
        other_areas: &[],
    };
    let err = remit::allocate(&input, &RemitOptions::default()).unwrap_err();
    assert!(matches!(err, Error::InvalidValue { what: "stock", .. }));
}

fn world(n: usize) -> impl Strategy<Value = (Vec<f64>, Vec<Option<f64>>, Vec<Option<f64>>)> {
    (
        prop::collection::vec(prop_oneof![Just(0.0), 0.0..1e6], n * n),
        prop::collection::vec(prop_oneof![Just(None), (0.0..1e4).prop_map(Some)], n),
        prop::collection::vec((100.0..1e5).prop_map(Some), n),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::support::proptest_cases(32)))]

    // Every allocated column sums to its inflow to 1e-9 relative, for every variant.
    #[test]
    fn inflows_are_preserved((stock, inflows, income) in world(40), variant in 0..4usize) {
        let n = 40;
        let stock = Mat::from_fn(n, n, |i, j| stock[i * n + j]);
        let weighting = [
            Weighting::MigrantStock,
            Weighting::HostIncome,
            Weighting::IncomeDifference { floor: IncomeFloor::HostIncomeShare(0.1) },
            Weighting::IncomeDifference { floor: IncomeFloor::OriginIncome(0.06) },
        ][variant];
        let input = RemitInput {
            stock: stock.as_ref(),
            inflows: &inflows,
            income: &income,
            zero_corridors: &[(0, 1), (1, 0)],
            other_areas: &[n - 1],
        };
        let m = remit::allocate(&input, &RemitOptions { weighting, ..Default::default() }).unwrap();
        for (i, inflow) in inflows.iter().enumerate() {
            match (m.status[i], *inflow) {
                (OriginStatus::Allocated, Some(r)) => {
                    let column: f64 = (0..n).map(|j| m.sent[(j, i)]).sum();
                    prop_assert!((column - r).abs() <= 1e-9 * r.max(1e-300), "{column} vs {r}");
                    prop_assert!((0..n).all(|j| m.sent[(j, i)] >= 0.0));
                }
                (OriginStatus::MissingInflow, None) | (OriginStatus::OtherArea, _) => {}
                (OriginStatus::Unallocatable { .. }, Some(r)) => prop_assert!(r > 0.0),
                other => prop_assert!(false, "unexpected {other:?}"),
            }
        }
        prop_assert!(m.sent[(1, 0)].is_nan() || m.sent[(1, 0)] == 0.0);
    }
}

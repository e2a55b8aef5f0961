//! Matrix balancing against migest 2.0.5's documented `ipf2`, `cm2` and `cm3` examples
//! (METHODS.md §8, V-F6).

use faer::Mat;
use stats::ipf::{self, CmOptions, IpfOptions, Seed3};

use crate::support::{assert_mat_close, mat, migest_examples, vector};

/// Runs one `ipf2` example: totals may be `null` (one margin only).
#[track_caller]
fn check_ipf2(index: usize, expected: &str, tol: f64) {
    let Some(data) = migest_examples() else { return };
    let case = &data["ipf2"][index];
    let seed = mat(&case["m"]);
    let row_tot = case["row_tot"].as_array().map(|_| vector(&case["row_tot"]));
    let col_tot = case["col_tot"].as_array().map(|_| vector(&case["col_tot"]));
    let fit =
        ipf::fit2(seed.as_ref(), row_tot.as_deref(), col_tot.as_deref(), &IpfOptions::default())
            .unwrap();
    assert!(fit.converged);
    assert!(fit.max_margin_error <= 1e-5, "{}", fit.max_margin_error);
    assert_mat_close(expected, fit.fitted.as_ref(), &case[expected], tol);
}

#[test]
fn ipf2_willekens_1999() {
    check_ipf2(0, "expected_2dp", 0.005);
}

#[test]
fn ipf2_uniform_seed() {
    check_ipf2(1, "expected_2dp", 0.005);
}

#[test]
fn ipf2_three_regions_structural_zero() {
    check_ipf2(2, "expected_rounded", 0.5);
}

#[test]
fn ipf2_row_margin_only() {
    check_ipf2(3, "expected_rounded", 0.5);
}

/// Runs one `cm2` example; compares the fitted table and, when the example prints them,
/// the parameters.
#[track_caller]
fn check_cm2(index: usize, expected: &str, tol: f64) {
    let Some(data) = migest_examples() else { return };
    let case = &data["cm2"][index];
    let fit = ipf::cm2(
        mat(&case["m"]).as_ref(),
        &vector(&case["row_tot"]),
        &vector(&case["col_tot"]),
        &CmOptions::default(),
    )
    .unwrap();
    assert!(fit.converged);
    assert_mat_close(expected, fit.fitted.as_ref(), &case[expected], tol);
    if case.get("expected_alpha").is_some() {
        for (got, want) in fit.alpha.iter().zip(vector(&case["expected_alpha"])) {
            assert!((got - want).abs() <= 1e-5, "alpha {got} vs {want}");
        }
        for (got, want) in fit.beta.iter().zip(vector(&case["expected_beta"])) {
            assert!((got - want).abs() <= 1e-5, "beta {got} vs {want}");
        }
    }
    if let Some(iterations) = case.get("iterations_to_tol_1e-6").and_then(|v| v.as_u64()) {
        assert_eq!(u64::from(fit.iterations), iterations);
    }
}

#[test]
fn cm2_willekens_1999_parameters() {
    check_cm2(0, "expected_n", 1e-5);
}

#[test]
fn cm2_four_regions_structural_zeros() {
    check_cm2(1, "expected_rounded", 0.5);
}

#[test]
fn cm3_two_tables() {
    let Some(data) = migest_examples() else { return };
    let case = &data["cm3"];
    let seed: Vec<Mat<f64>> =
        ["ILL", "HEALTHY"].iter().map(|k| mat(&case["m_by_type"][k])).collect();
    let fit = ipf::cm3(
        &seed,
        &vector(&case["row_tot"]),
        &vector(&case["col_tot"]),
        &CmOptions::default(),
    )
    .unwrap();
    assert!(fit.converged);
    for (k, name) in ["ILL", "HEALTHY"].iter().enumerate() {
        assert_mat_close(name, fit.fitted[k].as_ref(), &case["expected_n"][name], 1e-5);
    }
    for (got, want) in fit.alpha.iter().zip(vector(&case["expected_alpha"])) {
        assert!((got - want).abs() <= 1e-5, "alpha {got} vs {want}");
    }
    for (got, want) in fit.beta.iter().zip(vector(&case["expected_beta"])) {
        assert!((got - want).abs() <= 1e-5, "beta {got} vs {want}");
    }
}

// IPF and CM reach the same fixed point (Willekens 1999).
#[test]
fn ipf2_and_cm2_agree() {
    let seed = faer::mat![
        [0.0, 100.0, 30.0, 70.0],
        [50.0, 0.0, 45.0, 5.0],
        [60.0, 35.0, 0.0, 40.0],
        [20.0, 25.0, 20.0, 0.0]
    ];
    let (r, c) = ([250.0, 100.0, 140.0, 110.0], [150.0, 150.0, 180.0, 120.0]);
    let tight = IpfOptions { tol: 1e-10, maxit: 10_000, ..IpfOptions::default() };
    let a = ipf::fit2(seed.as_ref(), Some(&r), Some(&c), &tight).unwrap();
    let b = ipf::cm2(seed.as_ref(), &r, &c, &CmOptions { tol: 1e-12, maxit: 10_000 }).unwrap();
    for i in 0..4 {
        for j in 0..4 {
            assert!((a.fitted[(i, j)] - b.fitted[(i, j)]).abs() < 1e-6);
        }
    }
}

// The three-way fit on the T2.1 tables is the independence estimate of V-F5.
#[test]
fn ipf3_matches_migest_independence_example() {
    let Some(data) = migest_examples() else { return };
    let case = &data["ipf3_independent"];
    let row_tot = mat(&case["stock_start"]).transpose().to_owned();
    let col_tot = mat(&case["stock_end"]).transpose().to_owned();
    let fit = ipf::fit3(Seed3::Uniform, row_tot.as_ref(), col_tot.as_ref(), &IpfOptions::default())
        .unwrap();
    assert!(fit.converged);
    let mut od = Mat::<f64>::zeros(4, 4);
    for y in &fit.fitted {
        for i in 0..4 {
            for j in 0..4 {
                if i != j {
                    od[(i, j)] += y[(i, j)];
                }
            }
        }
    }
    assert_mat_close("ipf3", od.as_ref(), &case["expected_od_1dp"], 0.05);
}

//! `coherence scenario calibrate FILE`, and the calibration report `scenario run`
//! prints before its summary: each target observed and modelled, each fitted parameter
//! with its prior and posterior interval, and how the fit was reached.

use std::io::Write;

use montecarlo::calibrate::Calibration;

use crate::args::Format;
use crate::commands::Error;
use crate::output::plain_table;
use crate::scenario::sig;

/// Writes `c` in `format` to `w`.
pub(crate) fn write(w: &mut dyn Write, format: Format, c: &Calibration) -> Result<(), Error> {
    match format {
        Format::Json => writeln!(w, "{}", serde_json::to_string_pretty(&json(c))?)?,
        Format::Csv => csv(w, c)?,
        Format::Table => text(w, c)?,
    }
    Ok(())
}

fn text(w: &mut dyn Write, c: &Calibration) -> std::io::Result<()> {
    let spec = &c.plan.spec;
    let verdict = if c.reached {
        format!(
            "reached: every target within {} of its observed value in every vector kept (largest gap {})",
            pct(spec.tolerance),
            pct(c.distance)
        )
    } else {
        format!(
            "NOT reached: the closest vectors are {} from the targets, over the tolerance of {}; no option runs from it",
            pct(c.distance),
            pct(spec.tolerance)
        )
    };
    writeln!(w, "Calibration of option \"{}\" ({}): {verdict}", c.option, c.model)?;
    let sim = match c.plan.simulated {
        Some((_, size)) => format!(
            "; simulated at a size of {} and scaled by {:.2} (docs/scenarios.md)",
            crate::output::number(size, 0),
            c.plan.scale
        ),
        None => String::new(),
    };
    let complete = c.complete_generations();
    let short = match c.generations.last() {
        Some(g) if c.generations.len() > complete => format!(
            " (the next stopped at {} of {} vectors when the budget ran out)",
            g.kept, spec.particles
        ),
        _ => String::new(),
    };
    writeln!(
        w,
        "ABC population Monte Carlo: {complete} generations{short}, {} simulations, {} vectors kept, seed {}{sim}\n",
        crate::output::number(c.simulations as f64, 0),
        c.posterior.len(),
        spec.seed
    )?;
    let targets: Vec<Vec<String>> = c
        .targets
        .iter()
        .map(|t| {
            vec![
                match t.target.year {
                    Some(y) => format!("{} (year {y}; summary year {})", t.target.output, y - 1),
                    None => t.target.output.clone(),
                },
                sig(t.target.observed),
                sig(t.modelled.p50),
                format!("{} – {}", sig(t.modelled.p05), sig(t.modelled.p95)),
                signed_pct(t.modelled.p50 / t.target.observed - 1.0),
                t.target.unit.clone(),
                one_line(&t.target.source),
            ]
        })
        .collect();
    plain_table(
        w,
        &[
            "target",
            "observed",
            "modelled (median)",
            "90% interval",
            "gap",
            "unit",
            "observed: source",
        ],
        &targets,
    )?;
    writeln!(w)?;
    let params: Vec<Vec<String>> = c
        .params
        .iter()
        .map(|p| {
            vec![
                p.free.name.clone(),
                format!("uniform [{}, {}]", p.free.min, p.free.max),
                sig(p.posterior.p50),
                format!("{} – {}", sig(p.posterior.p05), sig(p.posterior.p95)),
                p.free.unit.clone(),
            ]
        })
        .collect();
    plain_table(w, &["parameter", "prior", "posterior (median)", "90% interval", "unit"], &params)?;
    writeln!(w)
}

fn csv(w: &mut dyn Write, c: &Calibration) -> Result<(), Error> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["kind", "name", "year", "observed", "p05", "p50", "p95", "unit", "source"])?;
    // The fit's outcome first: `reached` or `not reached`, the largest gap (p50), the
    // tolerance (observed) and how it was computed.
    let spec = &c.plan.spec;
    out.write_record([
        "fit",
        if c.reached { "reached" } else { "not reached" },
        "",
        &spec.tolerance.to_string(),
        "",
        &c.distance.to_string(),
        "",
        "relative distance",
        &format!(
            "{}; {} simulations; seed {}; option {}",
            montecarlo::calibrate::METHOD,
            c.simulations,
            spec.seed,
            c.option
        ),
    ])?;
    for t in &c.targets {
        out.write_record([
            "target",
            &t.target.output,
            &t.target.year.map(|y| y.to_string()).unwrap_or_default(),
            &t.target.observed.to_string(),
            &t.modelled.p05.to_string(),
            &t.modelled.p50.to_string(),
            &t.modelled.p95.to_string(),
            &t.target.unit,
            &t.target.source,
        ])?;
    }
    for p in &c.params {
        out.write_record([
            "parameter",
            &p.free.name,
            "",
            "",
            &p.posterior.p05.to_string(),
            &p.posterior.p50.to_string(),
            &p.posterior.p95.to_string(),
            &p.free.unit,
            &match &p.free.source {
                Some(why) => format!("prior uniform [{}, {}]: {why}", p.free.min, p.free.max),
                None => format!("prior uniform [{}, {}]", p.free.min, p.free.max),
            },
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// The report as JSON: every figure with its unit and source.
pub(crate) fn json(c: &Calibration) -> serde_json::Value {
    let spec = &c.plan.spec;
    serde_json::json!({
        "option": c.option,
        "model": c.model,
        "method": montecarlo::calibrate::METHOD,
        "reached": c.reached,
        "tolerance": spec.tolerance,
        "distance": c.distance,
        "seed": spec.seed,
        "simulations": c.simulations,
        "particles": spec.particles,
        "scale": c.plan.scale,
        "simulated_size": c.plan.simulated.map(|(_, s)| s),
        "generations": c.generations.iter().map(|g| serde_json::json!({
            "tolerance": if g.tolerance.is_finite() { Some(g.tolerance) } else { None },
            "simulations": g.simulations,
            "kept": g.kept,
        })).collect::<Vec<_>>(),
        "targets": c.targets.iter().map(|t| serde_json::json!({
            "output": t.target.output,
            "year": t.target.year,
            "unit": t.target.unit,
            "observed": t.target.observed,
            "source": t.target.source,
            "modelled": {"p05": t.modelled.p05, "p50": t.modelled.p50, "p95": t.modelled.p95},
        })).collect::<Vec<_>>(),
        "parameters": c.params.iter().map(|p| serde_json::json!({
            "name": p.free.name,
            "unit": p.free.unit,
            "prior": {"min": p.free.min, "max": p.free.max, "source": p.free.source},
            "posterior": {"p05": p.posterior.p05, "p50": p.posterior.p50, "p95": p.posterior.p95},
        })).collect::<Vec<_>>(),
    })
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn signed_pct(x: f64) -> String {
    format!("{:+.1} %", x * 100.0)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

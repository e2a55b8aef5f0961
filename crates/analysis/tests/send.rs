//! Every public async function of the application API returns a `Send` future, so a
//! multi-threaded server can run it on any worker (checked when this file compiles).

use std::path::Path;

use analysis::estimate::{FlowRequest, RemitEstimate, RemitRequest};
use analysis::gravity::{GravityData, GravityEstimate, GravityOptions};
use analysis::register::{FieldEdit, RegisterFileFormat};
use analysis::{ImportMode, Workspace};
use domain::dataset::Dataset;

fn assert_send<T: Send>(_: T) {}

/// Never called: its body type-checks only if every future is `Send`.
#[allow(dead_code, reason = "compiled, not run: the check is the type check")]
#[allow(clippy::too_many_arguments, reason = "one argument per type the API takes")]
fn futures_are_send(
    mut ws: Workspace,
    path: &Path,
    location: &analysis::Location,
    input: &analysis::Input,
    dataset: &Dataset,
    flows: &FlowRequest,
    remit: &RemitRequest,
    remit_estimate: &RemitEstimate,
    gravity: &GravityEstimate,
    gravity_data: GravityData,
    gravity_options: GravityOptions,
    edits: &[FieldEdit],
    format: RegisterFileFormat,
    scenario: &montecarlo::spec::Scenario,
    run: &analysis::scenario_run::RunRequest,
) {
    let mut progress = |_done: u64, _total: u64| {};
    assert_send(Workspace::open(path));
    assert_send(Workspace::open_for_reading(path));
    assert_send(Workspace::restore(path, location));
    assert_send(ws.copy_to(&ws));
    assert_send(ws.backup_to(path));
    assert_send(ws.load_demo(&mut progress));
    assert_send(ws.load(dataset, &mut progress));
    assert_send(ws.load_with(dataset, ImportMode::Add, &mut progress));
    assert_send(ws.datasets());
    assert_send(ws.resolve_area("XAA"));
    assert_send(ws.check_datasets());
    assert_send(ws.profile("XAA"));
    assert_send(ws.profiles(&["XAA", "world"]));
    assert_send(ws.store_answers("XAA", "sdg-10.7.2", input, "ana", None));
    assert_send(ws.stored_assessment("XAA", "sdg-10.7.2", None));
    assert_send(ws.answer_history("XAA", None));
    assert_send(ws.estimate_flows(flows));
    assert_send(ws.estimate_remittances(remit));
    assert_send(ws.compare_remittances(remit_estimate));
    assert_send(ws.estimated_flows(None));
    assert_send(ws.save_gravity_estimate("m", gravity, false));
    assert_send(ws.gravity_estimates());
    assert_send(ws.gravity_estimate("m"));
    assert_send(analysis::gravity::fit_gravity_off_executor(gravity_data, gravity_options));
    assert_send(ws.register_import(input, "ana", None));
    assert_send(ws.register_list(None));
    assert_send(ws.register_export(None, format));
    assert_send(ws.register_edit("XAA-1", None, edits, "ana", "why"));
    assert_send(ws.register_audit(None));
    assert_send(ws.corridor("XAA", "XAB", None));
    assert_send(ws.corridors_all(None));
    assert_send(ws.scenario_baseline("XAA", None, None));
    assert_send(ws.pin_editions(&[]));
    assert_send(ws.plan_scenario(scenario, run));
}

#[test]
fn the_check_is_compiled() {
    // The check above is the type check of `futures_are_send`; naming it keeps it built.
    let _ = futures_are_send;
}

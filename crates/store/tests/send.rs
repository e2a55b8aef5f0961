//! Every public async function of the store returns a `Send` future, so a
//! multi-threaded server can run it on any worker (checked when this file compiles).

use std::path::Path;

use domain::dataset::Dataset;
use domain::policy::Policy;
use domain::{Iso3, Sex};
use store::{ChangeBy, End, EstimateRecord, ImportMode, NewAnswers, Store};

fn assert_send<T: Send>(_: T) {}

/// Never called: its body type-checks only if every future is `Send`.
#[allow(dead_code, reason = "compiled, not run: the check is the type check")]
#[allow(clippy::too_many_arguments, reason = "one argument per type the store takes")]
fn futures_are_send(
    store: Store,
    path: &Path,
    dataset: &Dataset,
    area: Iso3,
    end: End,
    policy: &Policy,
    by: &ChangeBy,
    record: &EstimateRecord,
    answers: &NewAnswers<'_>,
) {
    let mut progress = |_done: u64, _total: u64| {};
    assert_send(Store::open(path));
    assert_send(Store::open_for_reading(path));
    assert_send(Store::open_read_only(path));
    assert_send(store::restore(path, path));
    assert_send(store.schema_version());
    assert_send(store.integrity_check());
    assert_send(store.backup_to(path));
    assert_send(store.datasets());
    assert_send(store.defined_areas());
    assert_send(store.area_values("population", area));
    assert_send(store.pair_values("migrant_stock", Some(area), None));
    assert_send(store.area_values_of(area));
    assert_send(store.pair_values_of(area, end));
    assert_send(store.indicator_numbers_in("population", Sex::Total, 2020));
    assert_send(store.policies(area));
    assert_send(store.indicator_values("population", Sex::Total));
    assert_send(store.indicator_numbers("population", Sex::Total));
    assert_send(store.pair_sums("migrant_stock", Sex::Total, end));
    assert_send(store.import(dataset, &mut progress));
    assert_send(store.import_with(dataset, ImportMode::Add, &mut progress));
    assert_send(store.delete_import(1));
    assert_send(store.register(Some(area)));
    assert_send(store.register_policy(area, "P1"));
    assert_send(store.register_edit(policy, policy, by));
    assert_send(store.register_import(std::slice::from_ref(policy), by));
    assert_send(store.register_audit(None, None));
    assert_send(store.save_estimate(record, false));
    assert_send(store.estimates());
    assert_send(store.estimate("m"));
    assert_send(store.store_answers(answers, by));
    assert_send(store.answer_sets(None, None));
    assert_send(store.answer_set(area, "sdg-10.7.2", None));
    assert_send(store.latest_answer_sets(area));
    assert_send(store.closer().close());
    assert_send(store.close());
}

#[test]
fn the_check_is_compiled() {
    // The check above is the type check of `futures_are_send`; naming it keeps it built.
    let _ = futures_are_send;
}

//! Scenario runs through the application API alone, as a server would drive them: the
//! scenario comes in as bytes, the run's files go into in-memory writers, and the run is
//! read back, verified, merged and compared from memory.

use std::collections::BTreeMap;
use std::io::Read;

use analysis::scenario_run::{self, RunFile, RunFiles, RunFolder, RunRequest, ScenarioError};
use analysis::{Input, Workspace};
use montecarlo::engine::Shard;

/// A run held in memory: file name → bytes.
struct Memory(BTreeMap<String, Vec<u8>>);

impl RunFolder for Memory {
    fn name(&self) -> String {
        "memory".to_owned()
    }

    fn file_name(&self, file: &str) -> String {
        format!("memory/{file}")
    }

    fn read(&self, file: &str) -> Result<Vec<u8>, analysis::Error> {
        self.0.get(file).cloned().ok_or_else(|| analysis::Error::Io {
            path: self.file_name(file),
            source: std::io::ErrorKind::NotFound.into(),
        })
    }

    fn open(&self, file: &str) -> Result<Box<dyn Read + '_>, analysis::Error> {
        Ok(Box::new(std::io::Cursor::new(self.read(file)?)))
    }
}

fn writers() -> RunFiles<Vec<u8>> {
    RunFiles::create(|name| {
        Ok::<_, std::convert::Infallible>(RunFile { name: name.to_owned(), writer: Vec::new() })
    })
    .unwrap()
}

fn folder(files: Vec<RunFile<Vec<u8>>>) -> Memory {
    Memory(files.into_iter().map(|f| (f.name, f.writer)).collect())
}

async fn demo() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("w.sqlite")).await.unwrap();
    ws.load_demo(&mut |_, _| {}).await.unwrap();
    (dir, ws)
}

async fn run(ws: &Workspace, shard: Shard) -> Memory {
    let text = scenario_run::example("temporary-scheme").unwrap();
    let scenario =
        scenario_run::parse_scenario(&Input::new("scheme.toml", text.as_bytes().to_vec())).unwrap();
    let request =
        RunRequest { draws: Some(40), seed: Some(7), shard: Some(shard), ..RunRequest::default() };
    let planned = ws.plan_scenario(&scenario, &request).await.unwrap();
    assert_eq!(planned.info().draws, 40);
    // Running is blocking: a server runs it off the executor.
    let outcome = tokio::task::spawn_blocking(move || {
        planned.run(Some(2), Some(writers()), &|_: u64, _: u64| {}).unwrap()
    })
    .await
    .unwrap();
    assert!(!outcome.summary.is_empty());
    folder(outcome.files.unwrap())
}

#[tokio::test]
async fn a_run_written_to_memory_reads_back_verifies_merges_and_compares() {
    let (_dir, ws) = demo().await;
    let whole = run(&ws, Shard::FULL).await;
    let names: Vec<&str> = whole.0.keys().map(String::as_str).collect();
    assert_eq!(names.len(), 6, "{names:?}");
    let manifest = scenario_run::verify_shard(&whole).unwrap();
    assert!(manifest.files.iter().filter(|f| f.sha256.is_some()).count() == 5);
    let ensemble = scenario_run::read_run(&whole).unwrap();
    assert_eq!(ensemble.info.draws, 40);

    // Two shards merged give the bytes of the whole run.
    let parts = [run(&ws, Shard { k: 1, n: 2 }).await, run(&ws, Shard { k: 2, n: 2 }).await];
    let planned = scenario_run::plan_merge(&parts, None).unwrap();
    let merged = folder(planned.merge(&parts, writers()).unwrap().files.unwrap());
    assert_eq!(merged.0, whole.0);

    // The same run compared with itself differs by nothing.
    let same = scenario_run::compare_runs(&whole, &merged).unwrap();
    assert!(same.rows.iter().all(|r| r.stats.mean == 0.0), "{:?}", same.rows.first());

    let (result, warning) = scenario_run::brief_result(&whole, "XAA").unwrap();
    assert!(warning.is_none());
    assert!(!result.metrics.is_empty());
}

#[tokio::test]
async fn a_changed_file_is_refused_naming_it() {
    let (_dir, ws) = demo().await;
    let mut run = run(&ws, Shard::FULL).await;
    run.0.get_mut("draws.csv").unwrap().push(b'\n');
    let err = scenario_run::verify_shard(&run).unwrap_err();
    match &err {
        analysis::Error::Scenario(e) => {
            assert!(
                matches!(**e, ScenarioError::Checksum { ref file, .. } if file == "memory/draws.csv"),
                "{err}"
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn the_plan_future_can_be_sent_to_another_thread() {
    fn send<T: Send>(_: &T) {}
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let ws = rt.block_on(Workspace::open(&dir.path().join("w.sqlite"))).unwrap();
    let text = scenario_run::example("skills").unwrap();
    let scenario =
        scenario_run::parse_scenario(&Input::new("skills.toml", text.as_bytes().to_vec())).unwrap();
    let request = RunRequest::default();
    send(&ws.plan_scenario(&scenario, &request));
}

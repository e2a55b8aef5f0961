//! Writes the brief of the fictional test country to the path given as the only
//! argument: `cargo run -p report --example brief_fixture -- /tmp/brief.html`.

#[allow(dead_code, reason = "the example uses only the full fixture")]
#[path = "../tests/fixture/mod.rs"]
mod fixture;

fn main() -> Result<(), String> {
    let path = std::env::args_os().nth(1).ok_or("usage: brief_fixture <output.html>")?;
    let html = report::brief::render(&fixture::xandria());
    std::fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.to_string_lossy()))
}

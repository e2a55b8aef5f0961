//! Writes the brief of the fictional test country to the path given as the first
//! argument: `cargo run -p report --example brief_fixture -- /tmp/brief.html`.
//! With `sparse` as a second argument, writes the brief of the fixture whose optional
//! parts are empty instead.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

fn main() -> Result<(), String> {
    let mut args = std::env::args_os().skip(1);
    let path = args.next().ok_or("usage: brief_fixture <output.html> [sparse]")?;
    let profile = match args.next() {
        Some(kind) if kind == "sparse" => fixture::sparse(),
        Some(kind) => return Err(format!("unknown fixture {}", kind.to_string_lossy())),
        None => fixture::xandria(),
    };
    let html = report::brief::render(&profile, &fixture::options());
    std::fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.to_string_lossy()))
}

//! Printing with a real Chromium: no request leaves the browser, a document that never
//! finishes loading times out with a clear error.
//!
//! These tests need Chromium: outside CI they are skipped visibly when it is missing;
//! under `CI=true` its absence fails them.

#![allow(clippy::print_stderr, reason = "the skip message must be visible in test output")]

use std::io::ErrorKind as IoKind;
use std::net::TcpListener;
use std::time::Duration;

use print::{ErrorKind, Options, PdfOptions, Printer};

/// A started printer, or `None` after a visible skip message when Chromium is missing
/// outside CI.
fn printer(timeout: Duration) -> Option<Printer> {
    let options = Options { timeout, ..Options::from_env() };
    match Printer::start(&options) {
        Ok(printer) => Some(printer),
        Err(e) if e.kind() == ErrorKind::NotFound && !test_support::under_ci() => {
            eprintln!("SKIPPED: {e}");
            None
        }
        Err(e) => panic!("cannot start Chromium: {e}"),
    }
}

#[test]
fn a_document_that_asks_for_the_network_makes_no_request() {
    let Some(mut printer) = printer(Duration::from_secs(60)) else { return };
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Offline</title>\
         <link rel=\"stylesheet\" href=\"http://127.0.0.1:{port}/style.css\"></head><body>\
         <h1>Offline</h1><img src=\"http://example.invalid/x.png\" alt=\"x\">\
         <img src=\"http://127.0.0.1:{port}/y.png\" alt=\"y\">\
         <iframe src=\"https://example.invalid/\"></iframe></body></html>"
    );
    let options = PdfOptions { title: "Offline".to_owned(), ..PdfOptions::default() };
    let pdf = printer.print(&html, &options).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        printer.blocked_requests() >= 3,
        "the stylesheet, the two images and the frame should each be stopped; {} were",
        printer.blocked_requests()
    );
    std::thread::sleep(Duration::from_millis(200));
    match listener.accept() {
        Err(e) if e.kind() == IoKind::WouldBlock => {}
        Ok((_, from)) => panic!("the browser connected to the local listener from {from}"),
        Err(e) => panic!("accept failed: {e}"),
    }
    // The same browser prints it again, and blocks its requests again.
    let before = printer.blocked_requests();
    assert!(printer.print(&html, &options).unwrap().starts_with(b"%PDF-"));
    assert!(printer.blocked_requests() > before);
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let Some(mut printer) = printer(Duration::from_secs(60)) else { return };
    let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Same</title></head><body>\
        <h1>Same</h1><p>A paragraph.</p><svg width=\"200\" height=\"50\" role=\"img\">\
        <title>Bar</title><rect width=\"150\" height=\"30\" fill=\"#0072B2\"/></svg></body></html>";
    let options = PdfOptions {
        title: "Same".to_owned(),
        banner: Some("Fictional".to_owned()),
        ..PdfOptions::default()
    };
    let first = printer.print(html, &options).unwrap();
    // A second later, so that a date with seconds would differ.
    std::thread::sleep(Duration::from_millis(1100));
    let second = printer.print(html, &options).unwrap();
    assert!(first == second, "the same document gives different bytes");
    assert_eq!(printer.blocked_requests(), 0, "the document asks for nothing");
}

#[test]
fn a_document_that_never_finishes_times_out_and_stops_the_browser() {
    let Some(mut printer) = printer(Duration::from_secs(4)) else { return };
    let html = "<!DOCTYPE html><title>Loop</title><script>for(;;){}</script>";
    let e = printer.print(html, &PdfOptions::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.to_string().contains("longer than 4 s"), "{e}");
    let e = printer.print("<p>after</p>", &PdfOptions::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Crashed, "{e}");
}

#[test]
fn a_missing_browser_is_not_found_with_how_to_install_it() {
    let options = Options { chromium: Some("/nonexistent/chromium".into()), ..Options::from_env() };
    let e = Printer::start(&options).err().expect("no browser there");
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().contains("apt-get install chromium"), "{e}");
}

//! Prints HTML documents to PDF with headless Chromium.
//!
//! A [`Printer`] starts one Chromium (found as described in [`Options`]) and prints
//! as many documents as it is given, each in a fresh tab that is closed afterwards;
//! dropping the printer stops the browser and removes its private profile folder.
//!
//! # How it talks to Chromium
//! Over the DevTools protocol on a pipe (`--remote-debugging-pipe`): JSON messages
//! separated by NUL bytes, which Chromium reads on its file descriptor 3 and writes on
//! its descriptor 4. No TCP port is opened, so no other program on the machine can
//! drive the browser. The standard library cannot hand a child more than three
//! descriptors without `unsafe` (which the workspace forbids), so the browser is started
//! through `/bin/sh -c 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null'`: the shell
//! moves the piped stdin and stdout to descriptors 3 and 4, points 0 and 1 at
//! `/dev/null`, and replaces itself with Chromium (same process, so the printer's
//! `kill` reaches the browser).
//!
//! # No network while printing
//! The document is handed over as a string (`Page.setDocumentContent` into an
//! `about:blank` tab): it is never fetched. Every request the document would make
//! (an image, a font, a style sheet, a frame) is stopped in three ways:
//! * the `Fetch` domain is enabled with a catch-all pattern, and each paused request is
//!   failed (`BlockedByClient`) and counted ([`Printer::blocked_requests`]);
//! * every host name resolves to nothing (`--host-resolver-rules=MAP * ~NOTFOUND`);
//! * every connection goes to a proxy that does not exist (`--proxy-server=127.0.0.1:9`,
//!   the discard port, with no bypass list).
//!
//! Chromium's own background traffic (updates, sync, safe browsing, metrics) is switched
//! off by flags, and meets the same resolver and proxy if it happens anyway.
//!
//! The PDF is tagged (for screen readers) and carries an outline of the headings. Its
//! creation and modification dates are blanked, so the same document printed by the same
//! Chromium gives the same bytes.

mod cdp;
mod chromium;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use base64::Engine as _;
use report::html;
use report::html::Html;
use serde_json::{Value, json};

/// What went wrong, for callers that react differently (a web page says 503 when the
/// browser is missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// No Chromium was found (or `COHERENCE_CHROMIUM` names nothing runnable).
    NotFound,
    /// The browser could not start, exited or crashed.
    Crashed,
    /// A document took longer than [`Options::timeout`]; the browser was stopped.
    Timeout,
    /// The browser answered something unexpected (an error or a malformed message).
    Protocol,
}

/// An error of printing: its kind and a one-line message for people.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

/// The one line said when no browser is found.
pub const NOT_FOUND: &str = "Chromium was not found: install it (`apt-get install chromium` on \
    Debian) or set COHERENCE_CHROMIUM to the path of a Chromium or Chrome executable";

/// How to start the browser.
#[derive(Clone, Debug)]
pub struct Options {
    /// The browser: a path, or a name looked up on `PATH`. `None`: `chromium`,
    /// `chromium-browser`, then `google-chrome`, on `PATH`.
    pub chromium: Option<PathBuf>,
    /// The longest one document may take (and the browser may take to start).
    pub timeout: Duration,
}

/// The environment variable naming the browser.
pub const CHROMIUM_ENV: &str = "COHERENCE_CHROMIUM";

impl Options {
    /// The browser named by `COHERENCE_CHROMIUM` (when set and not empty), and a
    /// 120-second timeout per document.
    pub fn from_env() -> Options {
        let chromium = std::env::var_os(CHROMIUM_ENV).filter(|v| !v.is_empty()).map(PathBuf::from);
        Options { chromium, timeout: Duration::from_secs(120) }
    }
}

/// A paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in inches (the protocol's unit).
    fn inches(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0 / MM_PER_INCH, 297.0 / MM_PER_INCH),
            Paper::Letter => (8.5, 11.0),
        }
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(s: &str) -> Result<Paper, String> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" => Ok(Paper::Letter),
            _ => Err(format!("unknown paper size {s:?}: a4 or letter")),
        }
    }
}

impl std::fmt::Display for Paper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        })
    }
}

const MM_PER_INCH: f64 = 25.4;

/// How to print one document.
#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    /// The paper size.
    pub paper: Paper,
    /// The title in every page's footer, beside "page N of M" (text; escaped here).
    pub title: String,
    /// A notice in every page's header (the fictional-data banner of a demo brief).
    pub banner: Option<String>,
    /// The words of the page count in the document's language (English when default).
    pub furniture: Furniture,
}

/// The words and direction of the page header and footer, in the document's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Furniture {
    /// Before the page number: `page`.
    pub page: String,
    /// Between the page number and the page count: `of`.
    pub of: String,
    /// The language's BCP 47 code (`en`, `ar`).
    pub lang: String,
    /// `ltr` or `rtl`.
    pub dir: String,
}

impl Default for Furniture {
    fn default() -> Self {
        Furniture {
            page: "page".to_owned(),
            of: "of".to_owned(),
            lang: "en".to_owned(),
            dir: "ltr".to_owned(),
        }
    }
}

/// A running headless Chromium that prints documents to PDF.
pub struct Printer {
    browser: Option<cdp::Browser>,
    timeout: Duration,
    blocked: u64,
}

impl Printer {
    /// Finds and starts the browser (see [`Options`]); fails with
    /// [`ErrorKind::NotFound`] and [`NOT_FOUND`] when there is none.
    pub fn start(options: &Options) -> Result<Printer, Error> {
        let exe = chromium::find(options.chromium.as_deref())?;
        let deadline = Instant::now() + options.timeout;
        let mut browser = cdp::Browser::launch(&exe)?;
        browser.call(None, "Browser.getVersion", json!({}), deadline).map_err(|e| {
            if e.kind == ErrorKind::Timeout {
                let secs = options.timeout.as_secs();
                Error::new(
                    ErrorKind::Timeout,
                    format!("the browser did not answer within {secs} s"),
                )
            } else {
                e
            }
        })?;
        Ok(Printer { browser: Some(browser), timeout: options.timeout, blocked: 0 })
    }

    /// How many requests the documents printed so far tried to make (each was failed).
    pub fn blocked_requests(&self) -> u64 {
        self.blocked
    }

    /// Prints `html` (a complete document) to PDF bytes.
    ///
    /// After a timeout or a crash the browser is gone, and every later call fails.
    pub fn print(&mut self, html: &str, options: &PdfOptions) -> Result<Vec<u8>, Error> {
        let deadline = Instant::now() + self.timeout;
        let Some(browser) = self.browser.as_mut() else {
            return Err(Error::new(
                ErrorKind::Crashed,
                "the browser was stopped after an earlier failure; start a new printer",
            ));
        };
        let result = print_in_tab(browser, html, options, deadline);
        self.blocked += browser.take_blocked();
        match result {
            Err(e) if matches!(e.kind, ErrorKind::Timeout | ErrorKind::Crashed) => {
                self.browser = None;
                let e = if e.kind == ErrorKind::Timeout {
                    Error::new(
                        ErrorKind::Timeout,
                        format!(
                            "printing a document took longer than {} s ({}); the browser was \
                             stopped",
                            self.timeout.as_secs(),
                            e.message
                        ),
                    )
                } else {
                    e
                };
                Err(e)
            }
            other => other,
        }
    }
}

/// Opens a tab, prints `html` in it and closes it.
fn print_in_tab(
    browser: &mut cdp::Browser,
    html: &str,
    options: &PdfOptions,
    deadline: Instant,
) -> Result<Vec<u8>, Error> {
    let created =
        browser.call(None, "Target.createTarget", json!({"url": "about:blank"}), deadline)?;
    let target = text_field(&created, "targetId")?;
    let attached = browser.call(
        None,
        "Target.attachToTarget",
        json!({"targetId": target, "flatten": true}),
        deadline,
    )?;
    let session = text_field(&attached, "sessionId")?;
    let printed = print_in_session(browser, &session, html, options, deadline);
    // A tab left open costs memory, not correctness: a failure to close it is not the
    // document's failure, unless the browser is gone.
    let closed = browser.call(None, "Target.closeTarget", json!({"targetId": target}), deadline);
    match (printed, closed) {
        (Err(e), _) => Err(e),
        (Ok(_), Err(e)) if matches!(e.kind, ErrorKind::Timeout | ErrorKind::Crashed) => Err(e),
        (Ok(pdf), _) => Ok(pdf),
    }
}

/// The script that waits until the document has loaded (its blocked requests
/// included) and its fonts are ready.
const WAIT_FOR_LOAD: &str = "new Promise(done => { const fonts = () => \
    document.fonts.ready.then(() => done(document.readyState)); \
    document.readyState === 'complete' ? fonts() : addEventListener('load', fonts); })";

fn print_in_session(
    browser: &mut cdp::Browser,
    session: &str,
    html: &str,
    options: &PdfOptions,
    deadline: Instant,
) -> Result<Vec<u8>, Error> {
    let s = Some(session);
    browser.call(s, "Fetch.enable", json!({"patterns": [{"urlPattern": "*"}]}), deadline)?;
    let tree = browser.call(s, "Page.getFrameTree", json!({}), deadline)?;
    let frame = tree
        .pointer("/frameTree/frame/id")
        .and_then(Value::as_str)
        .ok_or_else(|| protocol("Page.getFrameTree gave no frame id"))?
        .to_owned();
    browser.call(
        s,
        "Page.setDocumentContent",
        json!({"frameId": frame, "html": html}),
        deadline,
    )?;
    browser.call(
        s,
        "Runtime.evaluate",
        json!({"expression": WAIT_FOR_LOAD, "awaitPromise": true, "returnByValue": true}),
        deadline,
    )?;
    let printed = browser.call(s, "Page.printToPDF", pdf_params(options), deadline)?;
    let data = printed
        .get("data")
        .and_then(Value::as_str)
        .ok_or_else(|| protocol("Page.printToPDF gave no data"))?;
    let mut pdf = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|e| protocol(format!("Page.printToPDF gave data that is not base64: {e}")))?;
    blank_dates(&mut pdf);
    Ok(pdf)
}

/// Blanks the creation and modification dates of the PDF's information dictionary
/// (the only bytes that differ between two prints of the same document), so that the
/// same document gives the same bytes. Each entry is overwritten with spaces, which a
/// dictionary allows, so no offset in the file moves.
fn blank_dates(pdf: &mut [u8]) {
    for key in [&b"/CreationDate ("[..], b"/ModDate ("] {
        let Some(start) = pdf.windows(key.len()).position(|w| w == key) else { continue };
        let Some(len) = pdf[start..].iter().take(64).position(|&b| b == b')') else { continue };
        pdf[start..=start + len].fill(b' ');
    }
}

/// Margins in millimetres: top, bottom, left and right. The header and footer are
/// drawn inside the top and bottom margins.
const MARGINS_MM: (f64, f64, f64, f64) = (16.0, 16.0, 15.0, 15.0);

/// The parameters of `Page.printToPDF` for `options`.
fn pdf_params(options: &PdfOptions) -> Value {
    let (width, height) = options.paper.inches();
    let (top, bottom, left, right) = MARGINS_MM;
    json!({
        "paperWidth": width,
        "paperHeight": height,
        "marginTop": top / MM_PER_INCH,
        "marginBottom": bottom / MM_PER_INCH,
        "marginLeft": left / MM_PER_INCH,
        "marginRight": right / MM_PER_INCH,
        "printBackground": true,
        "preferCSSPageSize": false,
        "displayHeaderFooter": true,
        "headerTemplate": header(options).into_string(),
        "footerTemplate": footer(options).into_string(),
        "generateTaggedPDF": true,
        "generateDocumentOutline": true,
    })
}

/// The style shared by the header and the footer (templates have no style sheet and
/// a default font size too small to read).
const FURNITURE: &str = "width:100%;margin:0 15mm;font-family:system-ui,sans-serif;\
    font-size:8pt;color:#333;display:flex;justify-content:space-between;gap:6mm";

/// The page header: the banner, if any (an empty header otherwise).
fn header(options: &PdfOptions) -> Html {
    let f = &options.furniture;
    match &options.banner {
        Some(banner) => html!(
            "<div lang=\"{}\" dir=\"{}\" style=\"{};justify-content:center;padding:1mm 2mm;background:#fff1c2;\
             color:#3b2700;border:1px solid #7a5200;-webkit-print-color-adjust:exact;\
             print-color-adjust:exact\"><strong>{}</strong></div>",
            &f.lang,
            &f.dir,
            Html::from_static(FURNITURE),
            banner
        ),
        None => html!("<span></span>"),
    }
}

/// The page footer: the title and "page N of M" (Chromium fills the classes).
fn footer(options: &PdfOptions) -> Html {
    let f = &options.furniture;
    html!(
        "<div lang=\"{}\" dir=\"{}\" style=\"{}\"><span>{}</span><span style=\"white-space:nowrap\">{} \
         <span class=\"pageNumber\"></span> {} <span class=\"totalPages\"></span></span></div>",
        &f.lang,
        &f.dir,
        Html::from_static(FURNITURE),
        &options.title,
        &f.page,
        &f.of
    )
}

fn text_field(value: &Value, name: &str) -> Result<String, Error> {
    value
        .get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| protocol(format!("the browser's answer has no {name}")))
}

fn protocol(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Protocol, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_escapes_the_title_and_numbers_the_pages() {
        let options = PdfOptions {
            title: "<script>alert(1)</script> & brief".to_owned(),
            ..PdfOptions::default()
        };
        let footer = footer(&options).into_string();
        assert!(footer.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; brief"), "{footer}");
        assert!(footer.contains("class=\"pageNumber\"") && footer.contains("class=\"totalPages\""));
        assert_eq!(header(&options).into_string(), "<span></span>");
    }

    #[test]
    fn the_banner_goes_in_the_header_escaped() {
        let options =
            PdfOptions { banner: Some("Fictional <data>".to_owned()), ..Default::default() };
        assert!(header(&options).into_string().contains("Fictional &lt;data&gt;"));
    }

    #[test]
    fn the_dates_are_blanked_and_nothing_moves() {
        let mut pdf = b"<</Producer (Skia)\n/CreationDate (D:20261207105152+00'00')\n\
            /ModDate (D:20261207105152+00'00')>>"
            .to_vec();
        let len = pdf.len();
        blank_dates(&mut pdf);
        assert_eq!(pdf.len(), len);
        let text = String::from_utf8(pdf).unwrap();
        assert!(!text.contains("Date") && !text.contains("2026"), "{text}");
        assert!(text.starts_with("<</Producer (Skia)\n") && text.ends_with(">>"), "{text}");
    }

    #[test]
    fn paper_sizes_are_a4_and_letter() {
        assert_eq!("A4".parse::<Paper>(), Ok(Paper::A4));
        assert_eq!("letter".parse::<Paper>(), Ok(Paper::Letter));
        assert!("a5".parse::<Paper>().is_err());
        let (w, h) = Paper::A4.inches();
        assert!((w - 8.2677).abs() < 1e-3 && (h - 11.6929).abs() < 1e-3);
        let params = pdf_params(&PdfOptions { paper: Paper::Letter, ..Default::default() });
        assert_eq!(params["paperWidth"], json!(8.5));
        assert_eq!(params["generateTaggedPDF"], json!(true));
        assert_eq!(params["generateDocumentOutline"], json!(true));
    }
}

//! What to do by hand when the publishers cannot be reached.

use std::fmt::Write as _;

use crate::Dataset;

/// Instructions for fetching `datasets` by hand: for each file, the URL to download
/// (or the page to download it from), the name to save it as, the expected size or
/// SHA-256, and the exact `coherence import --kind K FILE` command to run afterwards.
///
/// The text is plain, one block per dataset, and ends with a newline.
pub fn offline_help(datasets: &[&Dataset]) -> String {
    let mut out = String::new();
    out.push_str(
        "Download these files by hand (in a web browser, or on a machine that is online), \
         then import them from the folder you saved them in:\n",
    );
    for dataset in datasets {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}: {} ({}, {})",
            dataset.id, dataset.title, dataset.publisher, dataset.edition
        );
        if dataset.files.is_empty()
            && let Some(page) = &dataset.page
        {
            let _ = writeln!(out, "  see       {page}");
        }
        for file in &dataset.files {
            match (&file.url, &dataset.page) {
                (Some(url), _) => {
                    let _ = writeln!(out, "  download  {url}");
                }
                (None, Some(page)) => {
                    let _ = writeln!(out, "  download  by hand from {page}");
                }
                (None, None) => {
                    let _ = writeln!(out, "  download  by hand (see the note below)");
                }
            }
            let _ = writeln!(out, "  save as   {}", file.save_as);
            if let Some(sha256) = &file.sha256 {
                let _ = writeln!(out, "  sha256    {sha256}");
            }
            if let Some(size) = file.size {
                let _ = writeln!(out, "  size      {size} bytes");
            }
            if let Some(member) = &file.unzip {
                let _ = writeln!(out, "  unzip     {member} from {}", file.save_as);
            }
            match &file.kind {
                Some(kind) => {
                    let _ = writeln!(
                        out,
                        "  then run  coherence import --kind {kind} {}",
                        file.import_name()
                    );
                }
                None => {
                    let _ = writeln!(out, "  (no importer reads this file yet)");
                }
            }
        }
        if dataset.browser_user_agent && dataset.files.iter().any(|f| f.url.is_some()) {
            let _ = writeln!(out, "  note      the publisher may refuse non-browser clients");
        }
        if let Some(note) = &dataset.note {
            let _ = writeln!(out, "  note      {note}");
        }
    }
    out
}

//! The register and corridor pages of the web workspace: their rows of the pages'
//! permission matrix (`pages.rs`) and their tests.

#[allow(unused_imports, reason = "the rows use these as they are added")]
use crate::pages::{D, F, N, PageRule, S};

/// The rows of these pages. Columns: anonymous, viewer, contributor (labour),
/// contributor (health), coordinator of Pelaria and of the partnership, coordinator of
/// Brevmark and of the partnership, admin. The partnership shares nothing of Pelaria when
/// they run, so Brevmark's coordinator sees none of its register.
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/w/{id}/register", path: "/w/{w}/register?ministry=&stage=stay-abroad", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/register/{policy}", path: "/w/{w}/register/XAA-LAB-01", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    // Everyone who reads the policy gets its form; those who may not edit, read-only.
    PageRule { method: "GET", route: "/w/{id}/register/{policy}/edit", path: "/w/{w}/register/XAA-LAB-01/edit", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    // A stale version: those allowed to edit get as far as the version check (409).
    PageRule { method: "POST", route: "/w/{id}/register/{policy}/edit", path: "/w/{w}/register/XAA-LAB-01/edit", form: Some("version=0000000000000000&title=Matrix&reason=matrix"), expect: [S, F, 409, F, 409, N, F] },
    PageRule { method: "GET", route: "/w/{id}/register/new", path: "/w/{w}/register/new", form: None, expect: [S, F, 200, 200, 200, N, F] },
    // The contributor of labour adds the policy (health's may add only its own ministry's);
    // the coordinator then finds it exists.
    PageRule { method: "POST", route: "/w/{id}/register/new", path: "/w/{w}/register/new", form: Some("id=XAA-LAB-91&ministry=Ministry+of+Labour+and+Overseas+Employment&title=Matrix&instrument=programme&area=labour&stages=shown&stage-before-departure=on&objectives=Test.&source=Tests&status=planned&reason=matrix"), expect: [S, F, D, F, 409, N, F] },
    PageRule { method: "GET", route: "/w/{id}/corridor", path: "/w/{p}/corridor", form: None, expect: [S, N, N, N, 200, 200, 200] },
    // Members of the partnership write notes; an admin reads them but is not a side.
    PageRule { method: "POST", route: "/w/{id}/corridor/notes", path: "/w/{p}/corridor/notes", form: Some("finding=general&note-general=Matrix+note"), expect: [S, N, N, N, D, D, F] },
    // Pelaria's coordinator shares one policy; Brevmark's then reads Pelaria's workspace
    // (that policy) but does not coordinate it; the others do not see the partnership.
    PageRule { method: "POST", route: "/w/{id}/corridor/share", path: "/w/{p}/corridor/share", form: Some("side={w}&policy-XAA-LAB-01=on&reason-{w}=matrix"), expect: [S, N, N, N, D, F, F] },
    // And stops sharing it (no box ticked), so the rows of other pages see nothing shared.
    PageRule { method: "POST", route: "/w/{id}/corridor/share", path: "/w/{p}/corridor/share", form: Some("side={w}&reason-{w}=matrix"), expect: [S, N, N, N, D, N, F] },
];

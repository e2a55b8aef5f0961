//! The administration and workspace-overview pages of the web workspace: their rows of
//! the pages' permission matrix (`pages.rs`).

#[allow(unused_imports, reason = "the rows use these as they are added")]
use crate::pages::{D, F, N, PageRule, S};

/// The rows of these pages. Columns: anonymous, viewer, contributor (labour), contributor
/// (health), coordinator, other government's coordinator, admin.
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/admin", path: "/admin", form: None, expect: [S, F, F, F, F, F, 200] },
    PageRule { method: "POST", route: "/admin/users", path: "/admin/users", form: Some("name=page_user&display_name=Page+user"), expect: [S, F, F, F, F, F, 200] },
    PageRule { method: "POST", route: "/admin/users/{id}/state", path: "/admin/users/{viewer}/state", form: Some("disabled=false"), expect: [S, F, F, F, F, F, D] },
    PageRule { method: "POST", route: "/admin/users/{id}/password", path: "/admin/users/{contributor-other}/password", form: None, expect: [S, F, F, F, F, F, 200] },
    PageRule { method: "POST", route: "/admin/workspaces", path: "/admin/workspaces", form: Some("kind=government&name=Page+workspace&country=XAC&reason=matrix"), expect: [S, F, F, F, F, F, D] },
    PageRule { method: "GET", route: "/w/{id}", path: "/w/{w}", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}", path: "/w/{p}", form: None, expect: [S, N, N, N, 200, 200, 200] },
    PageRule { method: "POST", route: "/w/{id}/members", path: "/w/{w}/members", form: Some("user=admin&role=viewer&ministry=&reason=matrix"), expect: [S, F, F, F, D, N, D] },
    PageRule { method: "POST", route: "/w/{id}/members/{user_id}/remove", path: "/w/{w}/members/{admin}/remove", form: None, expect: [S, F, F, F, D, N, N] },
];

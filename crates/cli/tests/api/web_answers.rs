//! The answers pages of the web workspace: their rows of the pages' permission matrix
//! (`pages.rs`) and their tests.

use crate::pages::{D, F, N, PageRule, S};

/// The rows of these pages, in order: the coordinator assigns 1a to labour, labour
/// proposes, the coordinator decides, stores version 1 and signs it off. Pelaria's
/// answers are not shared with the partnership: the other government's coordinator sees
/// nothing; an admin without a role reads but does not answer.
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/w/{id}/answers", path: "/w/{w}/answers", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/answers/{framework}", path: "/w/{w}/answers/sdg-10.7.2", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "POST", route: "/w/{id}/answers/{framework}/assignments", path: "/w/{w}/answers/sdg-10.7.2/assignments", form: Some("items=1a&ministry=Ministry+of+Labour+and+Overseas+Employment&assign_reason=pages"), expect: [S, F, F, F, D, N, F] },
    PageRule { method: "POST", route: "/w/{id}/answers/{framework}/drafts", path: "/w/{w}/answers/sdg-10.7.2/drafts", form: Some("item=1a&answer-1a=no&comment-1a=pages&evidence-1a=Act+1"), expect: [S, F, D, F, D, N, F] },
    PageRule { method: "POST", route: "/w/{id}/answers/{framework}/versions", path: "/w/{w}/answers/sdg-10.7.2/versions", form: Some("reason=pages"), expect: [S, F, F, F, D, N, F] },
    PageRule { method: "GET", route: "/w/{id}/answers/{framework}/versions", path: "/w/{w}/answers/sdg-10.7.2/versions", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/answers/{framework}/compare", path: "/w/{w}/answers/sdg-10.7.2/compare?from=1&to=1", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "POST", route: "/w/{id}/answers/{framework}/versions/{version}/signoff", path: "/w/{w}/answers/sdg-10.7.2/versions/1/signoff", form: Some("note-1=pages"), expect: [S, F, F, F, D, N, F] },
    // An invalid proposal is shown on its form (400), an unknown framework is 404.
    PageRule { method: "GET", route: "/w/{id}/answers/{framework}", path: "/w/{w}/answers/sdg", form: None, expect: [S, N, N, N, N, N, N] },
];

#[test]
fn an_invalid_proposal_is_shown_on_its_form_and_conflicts_are_highlighted() {
    use crate::harness::World;
    let world = World::new();
    let page = format!("/w/{}/answers/sdg-10.7.2", world.w);
    let post = |who: usize, path: &str, form: &str| {
        world.server.send_raw(
            "POST",
            &format!("{page}{path}"),
            &world.auth[who],
            Some(form.as_bytes()),
            "application/x-www-form-urlencoded",
        )
    };
    let assign = |item: &str, ministry: &str| {
        let r =
            post(4, "/assignments", &format!("items={item}&ministry={ministry}&assign_reason=x"));
        assert_eq!(r.status, 303, "{}", r.text);
    };
    assign("1c", "Ministry+of+Labour+and+Overseas+Employment");
    // Labour's page: its item has a form; health's items say why they have none.
    let r = post(2, "/drafts", "item=1c&answer-1c=maybe&comment-1c=x&evidence-1c=");
    assert_eq!(r.status, 400, "{}", r.text);
    assert!(r.text.contains("aria-invalid=\"true\""), "{}", r.text);
    assert!(r.text.contains("choose an answer to item 1c"), "{}", r.text);
    let r = post(
        2,
        "/drafts",
        "item=1c&answer-1c=yes-regular-only&comment-1c=%3Cscript%3Ex%3C%2Fscript%3E&evidence-1c=",
    );
    assert_eq!(r.status, 303, "{}", r.text);
    assign("1c", "Ministry+of+Health");
    let r = post(3, "/drafts", "item=1c&answer-1c=yes-all&comment-1c=ours&evidence-1c=");
    assert_eq!(r.status, 303, "{}", r.text);
    let html = world.server.get(&page, &world.auth[1]).text;
    assert!(html.contains("class=\"item disagree\" id=\"item-1c\""), "{html}");
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "escaped");
    assert!(!html.contains("<script>x"), "not markup");
    // The viewer has no form, and is told why.
    assert!(html.contains("answering needs the contributor or coordinator role"), "{html}");
    // The coordinator cannot store while the conflict stands: the page says so (409).
    let r = post(4, "/versions", "reason=first");
    assert_eq!(r.status, 409, "{}", r.text);
    assert!(r.text.contains("1c"), "{}", r.text);
}

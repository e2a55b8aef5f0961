//! The pages' language: chosen in the language menu (a cookie), else by the browser's
//! `Accept-Language`, else English; Arabic pages are laid out right to left.

use crate::harness::{Auth, Server};

#[test]
fn pages_speak_the_visitors_language() {
    let server = Server::start();
    let page = server.get("/signin", &Auth::None);
    assert!(page.text.contains("<html lang=\"en\" dir=\"ltr\">"), "{}", page.text);
    assert!(page.text.contains("Sign in with the name and password"));

    // The browser's preference, by weight.
    let page = server.get_with("/signin", &Auth::None, &[("accept-language", "de, fr;q=0.8")]);
    assert!(page.text.contains("<html lang=\"fr\" dir=\"ltr\">"), "{}", page.text);
    assert!(page.text.contains("Connectez-vous avec le nom et le mot de passe"));
    assert!(!page.text.contains("Sign in with the name"), "no English left on the page");

    // The menu's choice: a cookie, and back to the page (of this site only).
    let choose = server.get("/language?lang=ar&next=/signin%3Fnext%3D%2F", &Auth::None);
    assert_eq!(choose.status, 303);
    assert_eq!(choose.header("location"), Some("/signin?next=/"));
    let cookie = choose.header("set-cookie").expect("a cookie");
    assert!(
        cookie.starts_with("coherence_lang=ar;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let away = server.get("/language?lang=es&next=//example.invalid/x", &Auth::None);
    assert_eq!(away.header("location"), Some("/"), "never to another site");
    let unknown = server.get("/language?lang=xx&next=/signin", &Auth::None);
    assert!(unknown.header("set-cookie").is_none(), "an unknown language sets nothing");

    // The cookie wins over the browser; Arabic is right to left, its menu names each
    // language in that language.
    let page = server.get_with(
        "/signin",
        &Auth::None,
        &[("accept-language", "fr"), ("cookie", "coherence_lang=ar")],
    );
    assert!(page.text.contains("<html lang=\"ar\" dir=\"rtl\">"), "{}", page.text);
    assert!(page.text.contains("سجّل الدخول بالاسم وكلمة المرور"));
    assert!(page.text.contains("lang=\"fr\" hreflang=\"fr\">Français</a>"));
    assert!(page.text.contains("aria-current=\"true\">العربية</a>"));

    // Signed in: the frame (navigation, tabs) and the home page follow.
    let token = Auth::Token(server.admin_token());
    let home = server.get_with("/", &token, &[("accept-language", "es")]);
    assert!(home.text.contains(">Espacios de trabajo</a>"), "{}", home.text);
    assert!(home.text.contains("Sus espacios de trabajo"));
}

/// The words the pages' script writes (an upload's progress and failure) come from the
/// page, in its language.
#[test]
fn the_scripts_words_are_the_pages() {
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let page = server.get_with("/datasets", &admin, &[("accept-language", "ar")]);
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.text.contains("data-uploading=\"جارٍ رفع\""), "{}", page.text);
    assert!(page.text.contains("data-unreachable=\"تعذّر الرفع: لا يمكن الوصول إلى الخادم.\""));
    let page = server.get_with("/datasets", &admin, &[("accept-language", "fr")]);
    assert!(
        page.text.contains("data-failed=\"L’envoi a échoué ; statut de la réponse du serveur :\"")
    );
}

//! Accounts: sign-in and its cookie, lock-out, sessions' expiry and sign-out, API tokens,
//! CSRF checks, security headers, body limits, the audit trail, and secrets kept out of
//! the log.

use serde_json::json;

use crate::harness::{Auth, Server};

fn set_cookie(server: &Server, name: &str, password: &str) -> String {
    let a = server.send(
        "POST",
        "/api/v1/session",
        &Auth::None,
        Some(&json!({"name": name, "password": password})),
    );
    assert_eq!(a.status, 200, "{}", a.text);
    a.header("set-cookie").expect("set-cookie").to_owned()
}

#[test]
fn the_session_cookie_is_http_only_strict_and_secure_unless_told_otherwise() {
    let secure = Server::spawn(
        tempfile::tempdir().expect("dir"),
        test_support::store_arg(
            &std::env::temp_dir().join(format!("coh-secure-{}.sqlite", std::process::id())),
        ),
        &[],
        true,
    );
    let cookie = set_cookie(&secure, "admin", &secure.admin_password);
    assert!(cookie.starts_with("__Host-coherence_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    drop(secure);
    let plain = Server::start();
    let cookie = set_cookie(&plain, "admin", &plain.admin_password);
    assert!(cookie.starts_with("coherence_session=") && !cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
}

#[test]
fn wrong_passwords_lock_the_account_and_a_reset_lifts_the_lock() {
    let server = Server::start();
    let admin = server.admin_token();
    let (_, _) = server.user(&admin, "amina", false);
    let try_password = |password: &str| {
        server.send(
            "POST",
            "/api/v1/session",
            &Auth::None,
            Some(&json!({"name": "amina", "password": password})),
        )
    };
    let unknown = server.send(
        "POST",
        "/api/v1/session",
        &Auth::None,
        Some(&json!({"name": "nobody", "password": "x"})),
    );
    let wrong = try_password("not her password");
    assert_eq!((wrong.status, unknown.status), (401, 401));
    assert_eq!(
        wrong.json()["error"],
        unknown.json()["error"],
        "an unknown name answers as a wrong password"
    );
    for _ in 0..4 {
        assert_eq!(try_password("still not it").status, 401);
    }
    // Five failures in a row: locked, whatever the password.
    let locked = try_password("still not it");
    assert_eq!(locked.status, 429, "{}", locked.text);
    let audit = server.get("/api/v1/audit?limit=1000", &Auth::Token(admin.clone())).json();
    let actions: Vec<&str> =
        audit.as_array().expect("rows").iter().filter_map(|r| r["action"].as_str()).collect();
    assert!(actions.contains(&"user.lock"), "{actions:?}");
    // The administrator's reset gives a new password and lifts the lock.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(&server.db)
        .args(["user", "reset-password", "amina"])
        .output()
        .expect("coherence user reset-password");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let password = stdout.rsplit(": ").next().expect("password").trim().to_owned();
    server.sign_in("amina", &password);
}

#[test]
fn sessions_end_at_sign_out_and_when_idle_and_tokens_when_revoked() {
    let server = Server::start_with(&["--session-idle", "2s"]);
    let cookie = server.sign_in("admin", &server.admin_password);
    let me = Auth::Cookie(cookie.clone());
    assert_eq!(server.get("/api/v1/me", &me).status, 200);
    assert_eq!(server.send("DELETE", "/api/v1/session", &me, None).status, 204);
    assert_eq!(server.get("/api/v1/me", &me).status, 401, "a signed-out session is gone");

    let idle = Auth::Cookie(server.sign_in("admin", &server.admin_password));
    assert_eq!(server.get("/api/v1/me", &idle).status, 200);
    std::thread::sleep(std::time::Duration::from_millis(3100));
    assert_eq!(server.get("/api/v1/me", &idle).status, 401, "an idle session expires");

    let session = Auth::Cookie(server.sign_in("admin", &server.admin_password));
    let made = server
        .send("POST", "/api/v1/me/tokens", &session, Some(&json!({"name": "nightly"})))
        .json();
    let token = Auth::Token(made["token"].as_str().expect("token").to_owned());
    assert!(made["token"].as_str().expect("token").starts_with("coh_"));
    assert_eq!(server.get("/api/v1/me", &token).status, 200);
    let listed = server.get("/api/v1/me/tokens", &token).text;
    assert!(!listed.contains(made["token"].as_str().expect("token")), "a token is shown once");
    let id = made["info"]["id"].as_i64().expect("id");
    assert_eq!(server.send("DELETE", &format!("/api/v1/me/tokens/{id}"), &token, None).status, 204);
    assert_eq!(server.get("/api/v1/me", &token).status, 401, "a revoked token is refused");
    assert_eq!(server.get("/api/v1/me", &Auth::Token("coh_0000".into())).status, 401);
}

#[test]
fn a_disabled_user_cannot_sign_in_or_use_its_tokens() {
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let (id, token) = server.user(
        match &admin {
            Auth::Token(t) => t,
            _ => unreachable!(),
        },
        "ben",
        false,
    );
    let ben = Auth::Token(token);
    assert_eq!(server.get("/api/v1/me", &ben).status, 200);
    let r = server.send(
        "PATCH",
        &format!("/api/v1/users/{id}"),
        &admin,
        Some(&json!({"disabled": true, "reason": "left"})),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(server.get("/api/v1/me", &ben).status, 401);
    let self_disable = server.send(
        "PATCH",
        "/api/v1/users/1",
        &admin,
        Some(&json!({"disabled": true, "reason": "x"})),
    );
    assert_eq!(self_disable.status, 400, "an administrator keeps its own account");
}

#[test]
fn cookie_writes_must_come_from_the_site_itself() {
    let server = Server::start();
    let cookie = server.sign_in("admin", &server.admin_password);
    let body = json!({"name": "csrf"});
    let cross = server.send(
        "POST",
        "/api/v1/me/tokens",
        &Auth::CrossSiteCookie(cookie.clone()),
        Some(&body),
    );
    assert_eq!(cross.status, 403, "{}", cross.text);
    assert_eq!(cross.json()["error"]["kind"], "forbidden");
    let same = server.send("POST", "/api/v1/me/tokens", &Auth::Cookie(cookie.clone()), Some(&body));
    assert_eq!(same.status, 201, "{}", same.text);
    // Reads with the cookie pass whatever the site.
    assert_eq!(server.get("/api/v1/me", &Auth::CrossSiteCookie(cookie)).status, 200);
}

#[test]
fn every_answer_carries_the_security_headers_and_errors_have_one_shape() {
    let server = Server::start_with(&["--body-limit-mib", "1"]);
    let token = Auth::Token(server.admin_token());
    for (path, auth) in
        [("/api/v1/me", &token), ("/api/v1/nowhere", &token), ("/api/v1/me", &Auth::None)]
    {
        let a = server.get(path, auth);
        assert_eq!(a.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(a.header("referrer-policy"), Some("no-referrer"), "{path}");
        let csp = a.header("content-security-policy").expect("csp");
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{csp}");
        if a.status >= 400 {
            let e = a.json();
            assert!(
                e["error"]["kind"].is_string() && e["error"]["message"].is_string(),
                "{}",
                a.text
            );
        }
    }
    let Auth::Token(t) = &token else { unreachable!() };
    let (status, body) = oversized(&server, "/api/v1/me/tokens", t, 1024 * 1024);
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("\"too_large\""), "{body}");
    let bad = server.send_raw(
        "POST",
        "/api/v1/me/tokens",
        &token,
        Some(b"{not json"),
        "application/json",
    );
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["error"]["kind"], "invalid_input");
}

#[test]
fn writes_are_audited_with_user_ids_and_no_secret_reaches_the_log() {
    let server = Server::start();
    let cookie = server.sign_in("admin", &server.admin_password);
    let admin = server.token_of_session(&cookie);
    let made = server.send(
        "POST",
        "/api/v1/users",
        &Auth::Token(admin.clone()),
        Some(&json!({"name": "chen", "display_name": "Chen"})),
    );
    let password = made.json()["password"].as_str().expect("password").to_owned();
    let chen = server.sign_in("chen", &password);
    let audit = server.get("/api/v1/audit", &Auth::Token(admin.clone())).json();
    let add = audit
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| {
            r["action"] == "user.add"
                && r["target"] == format!("user/{}", made.json()["user"]["id"])
        })
        .expect("the user's addition is audited")
        .clone();
    assert_eq!(add["user_id"], 1, "who: the administrator's id");
    assert!(!add.to_string().contains("argon2"), "no hash in the trail: {add}");
    let log = server.log();
    assert!(log.contains("/api/v1/users"), "the log records requests");
    for secret in [&server.admin_password, &password, &admin, &cookie, &chen] {
        assert!(!log.contains(secret.as_str()), "a secret reached the log");
    }
}

/// Sends a JSON body announced as twice `limit` bytes, writing a little more than `limit`
/// of it, and reads the answer (the server answers before the rest, so a client that
/// insists on writing everything would see the connection close).
fn oversized(server: &Server, path: &str, token: &str, limit: usize) -> (u16, String) {
    use std::io::{Read, Write};
    let addr = server.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        2 * limit
    );
    stream.write_all(head.as_bytes()).expect("head");
    let mut body = b"{\"name\":\"".to_vec();
    body.resize(limit + 4096, b'x');
    let _ = stream.write_all(&body);
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let status = answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, answer)
}

#[test]
fn a_user_replaces_its_one_time_password() {
    let server = Server::start();
    let cookie = server.sign_in("admin", &server.admin_password);
    let me = Auth::Cookie(cookie);
    let short = server.send(
        "PUT",
        "/api/v1/me/password",
        &me,
        Some(&json!({"current": server.admin_password, "new": "short"})),
    );
    // The error names the request's field (`new`), so a form can show it there.
    assert_eq!((short.status, short.json()["error"]["field"].as_str()), (400, Some("new")));
    let new = "correct horse battery staple";
    let ok = server.send(
        "PUT",
        "/api/v1/me/password",
        &me,
        Some(&json!({"current": server.admin_password, "new": new})),
    );
    assert_eq!(ok.status, 204, "{}", ok.text);
    assert_eq!(server.get("/api/v1/me", &me).status, 401, "the change ends the sessions");
    let old = server.send(
        "POST",
        "/api/v1/session",
        &Auth::None,
        Some(&json!({"name": "admin", "password": server.admin_password})),
    );
    assert_eq!(old.status, 401);
    server.sign_in("admin", new);
}

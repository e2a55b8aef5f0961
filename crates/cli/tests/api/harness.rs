//! The real server, spawned from the `coherence` binary on port 0 on a store of its own
//! (an SQLite file, or a PostgreSQL database under `COHERENCE_TEST_STORE=postgres`), and
//! an HTTP client that talks to it; plus [`World`]: the users, workspaces and roles every
//! permission test uses.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The first administrator's one-time password.
    pub admin_password: String,
    /// The `--db` argument of its store.
    pub db: std::ffi::OsString,
    dir: tempfile::TempDir,
    agent: ureq::Agent,
}

/// An answer of the server.
#[derive(Debug)]
pub struct Answer {
    /// The status.
    pub status: u16,
    /// The body, as text.
    pub text: String,
    /// The headers, lower-case names.
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// The body as JSON (`Null` if it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }

    /// The first header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// How a request proves who sends it.
#[derive(Clone, Debug)]
pub enum Auth {
    /// Nothing.
    None,
    /// `Authorization: Bearer TOKEN`.
    Token(String),
    /// The session cookie, sent as a browser would from the site's own page
    /// (`Sec-Fetch-Site: same-origin`).
    Cookie(String),
    /// The session cookie from another site (`Sec-Fetch-Site: cross-site`).
    CrossSiteCookie(String),
}

impl Server {
    /// Starts a server on the demo world.
    pub fn start() -> Server {
        Server::start_with(&[])
    }

    /// Starts a server on the demo world with more `serve` arguments (cookies without
    /// `Secure`, as the client speaks plain HTTP).
    pub fn start_with(extra: &[&str]) -> Server {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = test_support::store_arg(&dir.path().join("store.sqlite"));
        let mut args = vec!["--insecure-cookies"];
        args.extend_from_slice(extra);
        Server::spawn(dir, db, &args, true)
    }

    /// Starts a server on the store `db` (kept in `dir`) with `serve`'s arguments `extra`,
    /// on the demo world if `demo`.
    pub fn spawn(
        dir: tempfile::TempDir,
        db: std::ffi::OsString,
        extra: &[&str],
        demo: bool,
    ) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_coherence"));
        cmd.arg("--db").arg(&db).args(["serve", "--listen", "127.0.0.1:0"]);
        if demo {
            cmd.arg("--demo");
        }
        let mut child = cmd
            .args(extra)
            .env("COHERENCE_LOG", "info")
            // No Chromium for the test servers, so a PDF download's answer (503) does not
            // depend on the machine; the PDF itself is tested in `tests/pdf.rs`.
            .env("COHERENCE_CHROMIUM", "/nonexistent/coherence-tests/chromium")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the coherence binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        // The server's log goes to a file of the test's folder (read by the tests that check
        // what it records).
        let log_path = dir.path().join("server.log");
        std::thread::spawn(move || {
            let mut log = std::fs::File::create(log_path).expect("log file");
            let _ = std::io::copy(&mut BufReader::new(stderr), &mut log);
        });
        let mut lines = BufReader::new(stdout).lines();
        let mut admin_password = String::new();
        let base = loop {
            let line = lines.next().expect("the server prints its address").expect("stdout");
            if let Some(p) = line.strip_prefix("One-time password:") {
                admin_password = p.trim().to_owned();
            }
            if let Some(i) = line.find("http://") {
                let rest = &line[i..];
                let end = rest.find("/api").expect("the address line names /api/v1");
                break rest[..end].to_owned();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        // A new connection per request: the server closes a connection whose request body it
        // did not read (a refusal before the body), which a pooled client would reuse closed.
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_idle_connections(0)
            .build();
        Server { child, base, admin_password, db, dir, agent: ureq::Agent::new_with_config(config) }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Kills the server at once (SIGKILL) and waits for it; returns its folder and store
    /// to start another server on.
    pub fn kill(mut self) -> (tempfile::TempDir, std::ffi::OsString) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let dir = std::mem::replace(&mut self.dir, tempfile::tempdir().expect("temporary folder"));
        (dir, self.db.clone())
    }

    /// Sends a request; `body` is sent as JSON.
    pub fn send(&self, method: &str, path: &str, auth: &Auth, body: Option<&Value>) -> Answer {
        let text = body.map(Value::to_string);
        self.send_raw(method, path, auth, text.as_deref().map(str::as_bytes), "application/json")
    }

    /// Sends a request with a raw body of `content_type`.
    pub fn send_raw(
        &self,
        method: &str,
        path: &str,
        auth: &Auth,
        body: Option<&[u8]>,
        content_type: &str,
    ) -> Answer {
        self.send_with(method, path, auth, body, content_type, &[])
    }

    /// `GET path` with more headers (`Accept-Language`, another cookie).
    pub fn get_with(&self, path: &str, auth: &Auth, headers: &[(&str, &str)]) -> Answer {
        self.send_with("GET", path, auth, None, "", headers)
    }

    /// A request with `headers` besides those of `auth` (a `cookie` header among them is
    /// sent after the session cookie's).
    pub fn send_with(
        &self,
        method: &str,
        path: &str,
        auth: &Auth,
        body: Option<&[u8]>,
        content_type: &str,
        headers: &[(&str, &str)],
    ) -> Answer {
        let url = format!("{}{path}", self.base);
        let mut req = ureq::http::Request::builder().method(method).uri(&url);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        match auth {
            Auth::None => {}
            Auth::Token(t) => req = req.header("authorization", format!("Bearer {t}")),
            Auth::Cookie(c) => {
                req = req
                    .header("cookie", format!("coherence_session={c}"))
                    .header("sec-fetch-site", "same-origin");
            }
            Auth::CrossSiteCookie(c) => {
                req = req
                    .header("cookie", format!("coherence_session={c}"))
                    .header("sec-fetch-site", "cross-site");
            }
        }
        if body.is_some() {
            req = req.header("content-type", content_type);
        }
        let request = req.body(body.map(<[u8]>::to_vec).unwrap_or_default()).expect("a request");
        let mut response = self.agent.run(request).unwrap_or_else(|e| {
            panic!("{method} {path}: the server does not answer: {e}\n{}", self.log())
        });
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let text = response
            .body_mut()
            .with_config()
            .limit(512 * 1024 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Answer { status, text, headers }
    }

    /// `GET path`.
    pub fn get(&self, path: &str, auth: &Auth) -> Answer {
        self.send("GET", path, auth, None)
    }

    /// Signs in; returns the session cookie's value.
    pub fn sign_in(&self, name: &str, password: &str) -> String {
        let a = self.send(
            "POST",
            "/api/v1/session",
            &Auth::None,
            Some(&json!({"name": name, "password": password})),
        );
        assert_eq!(a.status, 200, "sign-in of {name}: {}", a.text);
        let cookie = a.header("set-cookie").expect("a session cookie");
        cookie
            .split(';')
            .next()
            .and_then(|kv| kv.split_once('='))
            .map(|(_, v)| v.to_owned())
            .expect("cookie value")
    }

    /// A token of the first administrator.
    pub fn admin_token(&self) -> String {
        let cookie = self.sign_in("admin", &self.admin_password);
        self.token_of_session(&cookie)
    }

    /// Makes an API token with the session `cookie`.
    pub fn token_of_session(&self, cookie: &str) -> String {
        let a = self.send(
            "POST",
            "/api/v1/me/tokens",
            &Auth::Cookie(cookie.to_owned()),
            Some(&json!({"name": "tests"})),
        );
        assert_eq!(a.status, 201, "token: {}", a.text);
        a.json()["token"].as_str().expect("token").to_owned()
    }

    /// Adds a user through the API (as `admin`); returns its id and a token of its own.
    pub fn user(&self, admin: &str, name: &str, is_admin: bool) -> (i64, String) {
        let a = self.send(
            "POST",
            "/api/v1/users",
            &Auth::Token(admin.to_owned()),
            Some(&json!({"name": name, "display_name": name, "is_admin": is_admin})),
        );
        assert_eq!(a.status, 201, "add user {name}: {}", a.text);
        let v = a.json();
        let id = v["user"]["id"].as_i64().expect("id");
        let cookie = self.sign_in(name, v["password"].as_str().expect("password"));
        (id, self.token_of_session(&cookie))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The callers of the permission matrix, in its columns' order.
pub const CALLERS: [&str; 7] = [
    "anonymous",
    "viewer",
    "contributor",
    "contributor-other",
    "coordinator",
    "other-coordinator",
    "admin",
];

/// Users, workspaces and roles shared by the permission tests:
///
/// * workspace `w`: the government of Pelaria (XAA), where `viewer` views, `contributor`
///   contributes for the Ministry of Labour and Overseas Employment (which owns the
///   policy XAA-LAB-01), `contributor-other` for the Ministry of Health, and
///   `coordinator` coordinates;
/// * workspace `v`: the government of Brevmark (XAB), coordinated by `other-coordinator`;
/// * workspace `p`: the partnership of `w` (origin) and `v` (destination), shared nothing
///   yet, where `coordinator` and `other-coordinator` are coordinators.
pub struct World {
    /// The server.
    pub server: Server,
    /// Tokens by caller, in [`CALLERS`]' order (anonymous: none).
    pub auth: Vec<Auth>,
    /// User ids by caller (anonymous: 0).
    pub ids: Vec<i64>,
    /// The workspaces' ids.
    pub w: i64,
    /// Brevmark's workspace.
    pub v: i64,
    /// The partnership.
    pub p: i64,
}

/// The ministry of the policy XAA-LAB-01.
pub const LABOUR: &str = "Ministry of Labour and Overseas Employment";
/// Another ministry of Pelaria.
pub const HEALTH: &str = "Ministry of Health";

impl World {
    /// Builds the world on a new server.
    pub fn new() -> World {
        let server = Server::start();
        let admin = server.admin_token();
        let mut ids = vec![0];
        let mut auth = vec![Auth::None];
        for name in &CALLERS[1..6] {
            let (id, token) = server.user(&admin, &name.replace('-', "_"), false);
            ids.push(id);
            auth.push(Auth::Token(token));
        }
        ids.push(1);
        auth.push(Auth::Token(admin.clone()));
        let a = Auth::Token(admin);
        let make = |body: Value| {
            let r = server.send("POST", "/api/v1/workspaces", &a, Some(&body));
            assert_eq!(r.status, 201, "workspace: {}", r.text);
            r.json()["id"].as_i64().expect("id")
        };
        let w = make(json!({"name": "Pelaria", "country": "XAA", "reason": "tests"}));
        let v = make(json!({"name": "Brevmark", "country": "XAB", "reason": "tests"}));
        let p = make(
            json!({"name": "Pelaria-Brevmark", "origin_id": w, "destination_id": v, "reason": "tests"}),
        );
        let member = |ws: i64, who: usize, role: &str, ministry: Option<&str>| {
            let r = server.send(
                "PUT",
                &format!("/api/v1/workspaces/{ws}/members/{}", ids[who]),
                &a,
                Some(&json!({"role": role, "ministry": ministry, "reason": "tests"})),
            );
            assert_eq!(r.status, 204, "member: {}", r.text);
        };
        member(w, 1, "viewer", None);
        member(w, 2, "contributor", Some(LABOUR));
        member(w, 3, "contributor", Some(HEALTH));
        member(w, 4, "coordinator", None);
        member(v, 5, "coordinator", None);
        member(p, 4, "coordinator", None);
        member(p, 5, "coordinator", None);
        World { server, auth, ids, w, v, p }
    }

    /// `template` with `{w}`, `{v}`, `{p}` and the users' ids (`{viewer}`, `{contributor}`,
    /// `{contributor-other}`, `{coordinator}`, `{other-coordinator}`, `{admin}`) filled in.
    pub fn fill(&self, template: &str) -> String {
        let mut s = template
            .replace("{w}", &self.w.to_string())
            .replace("{v}", &self.v.to_string())
            .replace("{p}", &self.p.to_string());
        for (i, name) in CALLERS.iter().enumerate().skip(1) {
            s = s.replace(&format!("{{{name}}}"), &self.ids[i].to_string());
        }
        s
    }
}

/// One row of the permission matrix: a route, the body it is sent, and the status each
/// caller of [`CALLERS`] gets, in that order. Rows run in order, callers left to right,
/// so a row's writes may depend on the rows before it.
pub struct Rule {
    /// The method.
    pub method: &'static str,
    /// The path as OpenAPI writes it (`/api/v1/workspaces/{id}`).
    pub route: &'static str,
    /// The path sent, with [`World::fill`]'s placeholders.
    pub path: &'static str,
    /// The JSON body sent (with the same placeholders), if any.
    pub body: Option<&'static str>,
    /// The expected status of each caller.
    pub expect: [u16; 7],
}

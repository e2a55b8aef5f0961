//! `coherence serve` and `coherence user …`: the HTTP server on the store, and the
//! administrator's account commands (which need no running server).

use clap::{Args, Subcommand};

use crate::args::{Format, Global};
use crate::commands::{Error, open};

/// `coherence serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The address and port to listen on (port 0: any free port, printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub(crate) listen: String,
    /// Load (or refresh) the fictional demo world into the store first.
    #[arg(long)]
    pub(crate) demo: bool,
    /// Send the session cookie without `Secure`, for plain HTTP on a loopback address
    /// (refused on any other address).
    #[arg(long)]
    pub(crate) insecure_cookies: bool,
    /// A session ends after this long unused (e.g. `2h`, `30m`).
    #[arg(long, default_value = "2h", value_parser = duration)]
    pub(crate) session_idle: std::time::Duration,
    /// A session ends this long after sign-in, used or not.
    #[arg(long, default_value = "12h", value_parser = duration)]
    pub(crate) session_max: std::time::Duration,
    /// The largest request body (an upload), in MiB.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub(crate) body_limit_mib: u32,
}

/// `coherence user`.
#[derive(Debug, Args)]
pub(crate) struct UserArgs {
    #[command(subcommand)]
    pub(crate) action: UserAction,
}

/// What to do with accounts.
#[derive(Debug, Subcommand)]
pub(crate) enum UserAction {
    /// Add a user; its password is made at random and printed once.
    Add {
        /// The sign-in name (lower-case letters, digits, '.', '-', '_').
        name: String,
        /// The name shown to others (default: the sign-in name).
        #[arg(long)]
        display_name: Option<String>,
        /// Make the user an administrator of the instance.
        #[arg(long)]
        admin: bool,
    },
    /// List the users.
    List,
    /// Disable a user (its sessions end, its tokens stop working); --enable undoes it.
    Disable {
        /// The sign-in name.
        name: String,
        /// Enable the account again instead.
        #[arg(long)]
        enable: bool,
    },
    /// Give a user a new random password, printed once; its sessions end.
    ResetPassword {
        /// The sign-in name.
        name: String,
    },
    /// Make an API token for a user, printed once (or revoke one with --revoke ID).
    Token {
        /// The sign-in name.
        user: String,
        /// What the token is for.
        #[arg(long, default_value = "script")]
        label: String,
        /// Revoke the token with this id instead.
        #[arg(long)]
        revoke: Option<i64>,
    },
}

/// A duration written as `90s`, `30m`, `2h` or `1h 30m`.
fn duration(text: &str) -> Result<std::time::Duration, String> {
    let d: jiff::SignedDuration =
        text.parse().map_err(|e| format!("{text:?} is not a duration like 30m or 2h: {e}"))?;
    std::time::Duration::try_from(d)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("{text:?}: a duration is positive"))
}

/// `coherence serve`: serves the API until interrupted.
pub(crate) async fn serve(global: &Global, args: ServeArgs) -> Result<(), Error> {
    let addr: std::net::SocketAddr = args
        .listen
        .parse()
        .map_err(|e| format!("--listen {}: not an address and port ({e})", args.listen))?;
    if args.insecure_cookies && !addr.ip().is_loopback() {
        return Err(
            "--insecure-cookies is allowed only on a loopback address (127.0.0.1 or ::1)".into()
        );
    }
    let ws = open(global).await?;
    if args.demo {
        ws.load_demo(&mut |_, _| {}).await?;
    }
    if let Some((name, password)) = server::admin::first_admin(ws.store()).await? {
        println!("First administrator: {name}");
        println!("One-time password:   {password}");
        println!("(shown once; give other people their own accounts with `coherence user add`)");
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = listener.local_addr()?;
    let config = server::Config {
        secure_cookies: !args.insecure_cookies,
        body_limit: args.body_limit_mib as usize * 1024 * 1024,
        session_idle: args.session_idle,
        session_absolute: args.session_max,
        ..server::Config::default()
    };
    let state = server::AppState::new(ws, config);
    println!(
        "Coherence serves the API on http://{bound}/api/v1 (documentation: http://{bound}/api/v1/docs)"
    );
    use std::io::Write as _;
    std::io::stdout().flush()?;
    server::serve(listener, state, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

/// `coherence user …`.
pub(crate) async fn user(global: &Global, args: UserArgs) -> Result<(), Error> {
    let ws = open(global).await?;
    let store = ws.store();
    let actor = |what: &str| store::Actor::console(format!("coherence user {what}"));
    match args.action {
        UserAction::Add { name, display_name, admin } => {
            let display = display_name.unwrap_or_else(|| name.clone());
            let (user, password) =
                server::admin::add_user(store, &name, &display, admin, None, &actor("add")).await?;
            println!(
                "Added user {} (id {}{})",
                user.name,
                user.id,
                if admin { ", administrator" } else { "" }
            );
            if let Some(p) = password {
                println!("One-time password: {p}");
            }
        }
        UserAction::List => {
            let users = store.users().await?;
            if global.format == Format::Json {
                let list: Vec<_> = users
                    .iter()
                    .map(|u| {
                        serde_json::json!({"id": u.id, "name": u.name, "display_name": u.display_name,
                            "is_admin": u.is_admin, "disabled": u.disabled, "locked_until": u.locked_until,
                            "created_at": u.created_at})
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                println!("id\tname\tdisplay name\tadmin\tstatus");
                for u in users {
                    let status = if u.disabled { "disabled" } else { "active" };
                    println!(
                        "{}\t{}\t{}\t{}\t{status}",
                        u.id,
                        u.name,
                        u.display_name,
                        if u.is_admin { "yes" } else { "no" }
                    );
                }
            }
        }
        UserAction::Disable { name, enable } => {
            let u = server::admin::set_disabled(store, &name, !enable, &actor("disable")).await?;
            println!("{} is {}", u.name, if u.disabled { "disabled" } else { "enabled" });
        }
        UserAction::ResetPassword { name } => {
            let p = server::admin::reset_password(store, &name, &actor("reset-password")).await?;
            println!("New one-time password of {name}: {p}");
        }
        UserAction::Token { user, label, revoke } => {
            let u = server::admin::user_named(store, &user).await?;
            if let Some(id) = revoke {
                let mine = store.tokens(Some(u.id)).await?.iter().any(|t| t.id == id);
                if !mine || !store.token_revoke(id, &actor("token --revoke")).await? {
                    return Err(format!("{user} has no active token {id}").into());
                }
                println!("Revoked token {id} of {user}");
            } else {
                let (token, record) = server::admin::make_token(store, u.id, &label, None).await?;
                println!("Token {} of {user} ({}): {token}", record.id, record.name);
                println!("(shown once; send it as `Authorization: Bearer TOKEN`)");
            }
        }
    }
    Ok(())
}

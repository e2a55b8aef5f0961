//! What a caller may do in a workspace: the one place the server decides permissions.
//!
//! * An instance **admin** manages users and workspaces and may read every workspace; it
//!   edits a workspace's content only with a role there (which it can give itself, audited).
//! * A **viewer** reads its workspace.
//! * A **contributor** reads, and edits what its ministry owns (its policies, the answers
//!   to the items assigned to its ministry).
//! * A **coordinator** edits everything in its workspace, signs off answers and manages
//!   members and what a partnership is shared.
//! * A member of a **partnership** reads the partnership, and of each side's government
//!   workspace only what that side shares with the partnership: its whole register (or
//!   answers, matrices, scenarios), or single policies of its register.
//!
//! A workspace the caller may not read answers 404, as if it did not exist.

use store::{Role, Shared, Workspace, WorkspaceKind};

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

/// The caller's standing in one workspace.
#[derive(Clone, Debug)]
pub(crate) struct Access {
    /// The workspace.
    pub(crate) workspace: Workspace,
    /// The caller's id.
    pub(crate) user_id: i64,
    /// Whether the caller administers the instance.
    pub(crate) admin: bool,
    /// The caller's role there, if it is a member.
    pub(crate) role: Option<Role>,
    /// A contributor's ministry.
    pub(crate) ministry: Option<String>,
    /// What the caller may read as a member of a partnership this government workspace
    /// shares with (empty for members and for partnerships).
    pub(crate) shared: Vec<Shared>,
    /// The single policies of this government's register the caller reads as a member of
    /// a partnership they are shared with (empty for members and for partnerships).
    pub(crate) policies: Vec<String>,
}

/// How much of a government's register a caller reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RegisterView {
    /// All of it: a member, an admin, or a partner it is shared with whole.
    Whole,
    /// Only these policies, shared one by one with a partnership of the caller.
    Only(Vec<String>),
}

impl RegisterView {
    /// Whether the caller reads policy `id`.
    pub(crate) fn shows(&self, id: &str) -> bool {
        match self {
            RegisterView::Whole => true,
            RegisterView::Only(ids) => ids.iter().any(|i| i == id),
        }
    }

    /// The policies read, or `None` for the whole register.
    pub(crate) fn only(&self) -> Option<&[String]> {
        match self {
            RegisterView::Whole => None,
            RegisterView::Only(ids) => Some(ids),
        }
    }
}

impl Access {
    /// The caller's access to workspace `id`; 404 if the caller may not read any of it.
    pub(crate) async fn to(state: &AppState, caller: &Caller, id: i64) -> ApiResult<Access> {
        let not_found = || ApiError::not_found(format!("workspace {id}"));
        let store = state.store();
        let workspace = store.workspace(id).await?.ok_or_else(not_found)?;
        let memberships = store.memberships_of_user(caller.user.id).await?;
        let own = memberships.iter().find(|m| m.workspace_id == id);
        let mut shared = Vec::new();
        let mut policies = Vec::new();
        if own.is_none() && matches!(workspace.kind, WorkspaceKind::Government { .. }) {
            for m in &memberships {
                let Some(p) = store.workspace(m.workspace_id).await? else { continue };
                let WorkspaceKind::Partnership { origin_id, destination_id } = p.kind else {
                    continue;
                };
                if origin_id != id && destination_id != id {
                    continue;
                }
                for s in store.shares(p.id).await? {
                    if s.workspace_id == id && !shared.contains(&s.what) {
                        shared.push(s.what);
                    }
                }
                for s in store.shared_policies(p.id).await? {
                    if s.workspace_id == id && !policies.contains(&s.policy_id) {
                        policies.push(s.policy_id);
                    }
                }
            }
        }
        let access = Access {
            workspace,
            user_id: caller.user.id,
            admin: caller.user.is_admin,
            role: own.map(|m| m.role),
            ministry: own.and_then(|m| m.ministry.clone()),
            shared,
            policies,
        };
        let partner = !access.shared.is_empty() || !access.policies.is_empty();
        if access.admin || access.role.is_some() || partner { Ok(access) } else { Err(not_found()) }
    }

    /// Whether the caller reads the whole workspace (a member or an admin).
    pub(crate) fn is_member_or_admin(&self) -> bool {
        self.admin || self.role.is_some()
    }

    /// Requires that the caller may read `what` of this workspace (404 otherwise, as the
    /// partner sees nothing of what is not shared).
    pub(crate) fn read(&self, what: Shared) -> ApiResult<()> {
        if self.is_member_or_admin() || self.shared.contains(&what) {
            Ok(())
        } else {
            Err(ApiError::not_found(format!(
                "{} of workspace {}",
                what.as_str(),
                self.workspace.id
            )))
        }
    }

    /// How much of the register the caller reads (404 if none of it).
    pub(crate) fn read_register(&self) -> ApiResult<RegisterView> {
        if self.read(Shared::Register).is_ok() {
            Ok(RegisterView::Whole)
        } else if !self.policies.is_empty() {
            Ok(RegisterView::Only(self.policies.clone()))
        } else {
            Err(ApiError::not_found(format!("register of workspace {}", self.workspace.id)))
        }
    }

    /// Requires that the caller may read policy `id` of the register (404 otherwise, as
    /// for a policy that does not exist).
    pub(crate) fn read_policy(&self, id: &str) -> ApiResult<()> {
        if self.read_register()?.shows(id) {
            Ok(())
        } else {
            Err(ApiError::not_found(format!("policy {id}")))
        }
    }

    /// Requires that the caller may read the workspace's own records (members, audit
    /// trail, jobs): members and admins.
    pub(crate) fn read_records(&self) -> ApiResult<()> {
        if self.is_member_or_admin() {
            Ok(())
        } else {
            Err(ApiError::not_found(format!("workspace {}", self.workspace.id)))
        }
    }

    /// Requires the coordinator's role (what: the action, for the message).
    pub(crate) fn coordinate(&self, what: &str) -> ApiResult<()> {
        match self.role {
            Some(Role::Coordinator) => Ok(()),
            _ => Err(ApiError::forbidden(format!(
                "only a coordinator of workspace {} may {what}",
                self.workspace.id
            ))),
        }
    }

    /// Requires a role in the workspace, any role (what: the action, for the message):
    /// what only its members do, such as writing notes in a partnership.
    pub(crate) fn take_part(&self, what: &str) -> ApiResult<()> {
        match self.role {
            Some(_) => Ok(()),
            None => Err(ApiError::forbidden(format!(
                "only a member of workspace {} may {what}",
                self.workspace.id
            ))),
        }
    }

    /// Requires that the caller may manage the workspace's members: its coordinator, or
    /// an admin.
    pub(crate) fn manage_members(&self) -> ApiResult<()> {
        if self.admin { Ok(()) } else { self.coordinate("manage its members") }
    }

    /// Requires that the caller may edit what `ministry` owns: the coordinator, or a
    /// contributor of that ministry. `None` is something no ministry owns (only the
    /// coordinator edits it).
    pub(crate) fn edit_for(&self, ministry: Option<&str>) -> ApiResult<()> {
        match (self.role, self.ministry.as_deref(), ministry) {
            (Some(Role::Coordinator), _, _) => Ok(()),
            (Some(Role::Contributor), Some(mine), Some(owner)) if mine == owner => Ok(()),
            (Some(Role::Contributor), Some(mine), Some(owner)) => {
                Err(ApiError::forbidden(format!(
                    "this belongs to the ministry {owner:?}; a contributor of {mine:?} edits only its own ministry's"
                )))
            }
            (Some(Role::Contributor), _, None) => {
                Err(ApiError::forbidden("only a coordinator edits what no ministry owns"))
            }
            _ => Err(ApiError::forbidden(format!(
                "editing in workspace {} needs the contributor or coordinator role",
                self.workspace.id
            ))),
        }
    }

    /// The government's country, for a government workspace; 400 for a partnership.
    pub(crate) fn country(&self) -> ApiResult<domain::area::Iso3> {
        match self.workspace.kind {
            WorkspaceKind::Government { country } => Ok(country),
            WorkspaceKind::Partnership { .. } => Err(ApiError::invalid(
                "workspace",
                "a partnership holds no register or answers of its own; use a government's workspace",
            )),
        }
    }
}

/// Requires an instance administrator.
pub(crate) fn admin(caller: &Caller) -> ApiResult<()> {
    if caller.user.is_admin {
        Ok(())
    } else {
        Err(ApiError::forbidden("only an administrator of the instance may do this"))
    }
}

/// What `caller` may not read of governments' work (registers and answers), by country:
/// the countries that have a government workspace, less those the caller reads as a
/// member, or as a member of a partnership the government shares them with. A register
/// of which a partnership of the caller is shared single policies is read as those
/// policies only (`Withheld::policies`). An admin
/// reads everything. Countries without a workspace hold no government's work: what the
/// administrator loaded for them is shared data.
pub(crate) async fn withheld(
    state: &AppState,
    caller: &Caller,
    generation: store::Generation,
) -> ApiResult<std::sync::Arc<crate::cache::Withheld>> {
    if let Some(known) = state.withheld.get(generation, caller.user.id) {
        return Ok(known);
    }
    let store = state.store();
    let mut withheld = crate::cache::Withheld::default();
    if !caller.user.is_admin {
        let workspaces = store.workspaces().await?;
        let mine: Vec<i64> = store
            .memberships_of_user(caller.user.id)
            .await?
            .iter()
            .map(|m| m.workspace_id)
            .collect();
        let mut readable: Vec<(i64, Shared)> = Vec::new();
        let mut single: Vec<store::SharedPolicy> = Vec::new();
        for w in workspaces.iter().filter(|w| mine.contains(&w.id)) {
            match w.kind {
                WorkspaceKind::Government { .. } => {
                    readable.extend(Shared::ALL.iter().map(|s| (w.id, *s)));
                }
                WorkspaceKind::Partnership { .. } => {
                    readable
                        .extend(store.shares(w.id).await?.iter().map(|s| (s.workspace_id, s.what)));
                    single.extend(store.shared_policies(w.id).await?);
                }
            }
        }
        for w in &workspaces {
            let WorkspaceKind::Government { country } = w.kind else { continue };
            if !readable.contains(&(w.id, Shared::Register)) {
                let mut ids: Vec<String> = single
                    .iter()
                    .filter(|s| s.workspace_id == w.id)
                    .map(|s| s.policy_id.clone())
                    .collect();
                if ids.is_empty() {
                    withheld.register.push(country.to_string());
                } else {
                    ids.sort();
                    ids.dedup();
                    withheld.policies.push((country.to_string(), ids));
                }
            }
            if !readable.contains(&(w.id, Shared::Answers)) {
                withheld.answers.push(country.to_string());
            }
        }
    }
    let withheld = std::sync::Arc::new(withheld);
    state.withheld.put(generation, caller.user.id, withheld.clone());
    Ok(withheld)
}

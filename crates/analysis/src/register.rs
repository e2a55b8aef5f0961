//! The policy register and corridor checks, orchestrated over the store.
//!
//! * Register: import a register file (TOML or CSV) into the store's register layer,
//!   list the effective register, export it, edit a policy's fields (one transaction,
//!   every change in the audit log with who, when and why), read the audit log.
//! * Corridor checks: gather both countries' effective registers, their attributes
//!   (the demo world's countries file for fictional countries; the WHO safeguards list
//!   and stored ICMW ratifications for real ones) and the latest values of the
//!   indicators the rules name, and run the pure engine ([`crate::corridor`]).

use std::collections::HashMap;

use domain::policy::{Policy, PolicyField, PolicyStatus, Stage, split_list};
use domain::{Indicator, Iso3, Sex};
use ingest::rules::{Attribute, Condition, DataPlace, Rule, RuleSet, Side};
use serde::Serialize;
use store::{DatasetRecord, Layer, Store};

use crate::corridor::{self, AttributeFact, CorridorFacts, CorridorReport, CountryFacts, DataFact};
use crate::profile::Source;
use crate::select::Ranker;
use crate::{Error, FICTIONAL_NOTICE, Workspace};

/// A policy of the effective register, as listed to users.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisterEntry {
    /// Where it comes from.
    pub layer: RegisterLayer,
    /// The policy's id.
    pub id: String,
    /// Whose policy.
    pub country: String,
    /// The owning ministry.
    pub ministry: String,
    /// The title.
    pub title: String,
    /// The instrument.
    pub instrument: String,
    /// Stages of the migration cycle.
    pub stages: Vec<String>,
    /// Policy area.
    pub area: String,
    /// Partner countries.
    pub partners: Vec<String>,
    /// Target groups.
    pub target_groups: Vec<String>,
    /// Status.
    pub status: String,
    /// Start year.
    pub start_year: Option<i32>,
    /// End year.
    pub end_year: Option<i32>,
    /// Stated objectives.
    pub objectives: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Source document.
    pub source: String,
    /// A digest of the policy's fields: it changes whenever a field does, so an edit
    /// can require that the policy is still as the client read it
    /// ([`Workspace::register_edit_checked`]). Not written in the command line's output.
    #[serde(skip_serializing)]
    pub version: String,
}

/// The version of a policy: FNV-1a (64 bits, hex) of its fields' texts. Not a security
/// digest: it detects a change between a read and an edit.
fn policy_version(p: &Policy) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (_, text) in p.field_texts() {
        for b in text.bytes().chain([0x1f]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

impl RegisterEntry {
    fn new(p: &Policy, layer: Layer) -> RegisterEntry {
        RegisterEntry {
            version: policy_version(p),
            layer: layer.into(),
            id: p.id.clone(),
            country: p.country.as_str().to_owned(),
            ministry: p.ministry.clone(),
            title: p.title.clone(),
            instrument: p.instrument.clone(),
            stages: p.stages.iter().map(|s| s.as_str().to_owned()).collect(),
            area: p.area.clone(),
            partners: p.partners.iter().map(|c| c.as_str().to_owned()).collect(),
            target_groups: p.target_groups.clone(),
            status: p.status.as_str().to_owned(),
            start_year: p.start_year,
            end_year: p.end_year,
            objectives: p.objectives.clone(),
            tags: p.tags.clone(),
            source: p.source.clone(),
        }
    }
}

/// What importing a register file did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisterImportSummary {
    /// The file.
    pub file: String,
    /// Policies read.
    pub read: usize,
    /// New to the register.
    pub added: usize,
    /// Changed (each changed field is in the audit log).
    pub changed: usize,
    /// Already as in the file.
    pub unchanged: usize,
}

/// One changed field of an edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChangeInfo {
    /// The field.
    pub field: String,
    /// The value before (lists joined with `;`).
    pub old: String,
    /// The value after.
    pub new: String,
}

/// What a change in the register's audit log was, written `create`, `import` or `edit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditAction {
    /// A policy authored in the register.
    Create,
    /// A policy added or changed by importing a register file.
    Import,
    /// A field edited.
    Edit,
}

impl AuditAction {
    /// `create`, `import` or `edit`.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Import => "import",
            AuditAction::Edit => "edit",
        }
    }

    /// The action of a stored audit row.
    pub(crate) fn of(entry: &store::AuditEntry) -> Result<AuditAction, Error> {
        [AuditAction::Create, AuditAction::Import, AuditAction::Edit]
            .into_iter()
            .find(|a| a.as_str() == entry.action)
            .ok_or_else(|| {
                Error::Store(store::Error::Corrupt {
                    what: "audit action",
                    value: entry.action.clone(),
                })
            })
    }
}

/// Where a policy of the effective register comes from, written `imported` (as in a
/// dataset), `edited` (a dataset's policy edited in the register) or `register` (only in
/// the register).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegisterLayer {
    /// As imported with a dataset, unedited.
    Imported,
    /// An imported policy edited in the register.
    Edited,
    /// Only in the register.
    Register,
}

impl RegisterLayer {
    /// `imported`, `edited` or `register`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegisterLayer::Imported => "imported",
            RegisterLayer::Edited => "edited",
            RegisterLayer::Register => "register",
        }
    }
}

impl From<Layer> for RegisterLayer {
    fn from(layer: Layer) -> Self {
        match layer {
            Layer::Imported { .. } => RegisterLayer::Imported,
            Layer::Edited { .. } => RegisterLayer::Edited,
            Layer::Register => RegisterLayer::Register,
        }
    }
}

/// One row of the register's audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditInfo {
    /// Order of the change.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub user: String,
    /// Why.
    pub reason: String,
    /// Whose policy.
    pub country: String,
    /// The policy.
    pub policy_id: String,
    /// What the change was.
    pub action: AuditAction,
    /// The field, for edits and re-imports.
    pub field: Option<String>,
    /// The value before.
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
    /// The server's user who made the change (none at the command line; not written
    /// when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<i64>,
}

impl AuditInfo {
    /// A stored row of the register's audit log, as listed.
    fn of(a: store::AuditEntry) -> Result<AuditInfo, Error> {
        Ok(AuditInfo {
            action: AuditAction::of(&a)?,
            seq: a.seq,
            at: a.at,
            user: a.user,
            reason: a.reason,
            country: a.country.as_str().to_owned(),
            policy_id: a.policy_id,
            field: a.field,
            old_value: a.old_value,
            new_value: a.new_value,
            user_id: a.user_id,
        })
    }
}

/// A register file layout for export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterFileFormat {
    /// `[[policy]]` tables.
    Toml,
    /// One row per policy.
    Csv,
}

/// One edit of a field: `field=value` sets it, `field+=item` adds an item to a list
/// field, `field-=item` removes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldEdit {
    /// The field.
    pub field: String,
    /// How.
    pub op: EditOp,
    /// The value (lists: items separated by `;`).
    pub value: String,
}

/// How a [`FieldEdit`] changes its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditOp {
    /// Replace the value.
    Set,
    /// Add items to a list.
    Add,
    /// Remove items from a list.
    Remove,
}

impl FieldEdit {
    /// Parses `field=value`, `field+=item` or `field-=item`.
    ///
    /// # Errors
    /// [`Error::Register`] if there is no `=`.
    pub fn parse(text: &str) -> Result<FieldEdit, Error> {
        let (lhs, value) = text.split_once('=').ok_or_else(|| {
            Error::Register(format!("{text:?}: expected field=value, field+=item or field-=item"))
        })?;
        let (field, op) = if let Some(f) = lhs.strip_suffix('+') {
            (f, EditOp::Add)
        } else if let Some(f) = lhs.strip_suffix('-') {
            (f, EditOp::Remove)
        } else {
            (lhs, EditOp::Set)
        };
        Ok(FieldEdit { field: field.trim().to_owned(), op, value: value.trim().to_owned() })
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Applies one edit to a policy, checking the value as a register file would.
fn apply(p: &mut Policy, edit: &FieldEdit, known: &[Iso3]) -> Result<(), String> {
    let f = edit.field.as_str();
    let Some(field) = PolicyField::parse(f).filter(|field| field.is_editable()) else {
        let editable: Vec<&str> = PolicyField::ALL
            .into_iter()
            .filter(|f| f.is_editable())
            .map(PolicyField::as_str)
            .collect();
        return Err(format!(
            "cannot edit field {f:?}; editable fields: {} (id and country are fixed)",
            editable.join(", ")
        ));
    };
    let items: Vec<String> = split_list(&edit.value).map(str::to_owned).collect();
    if edit.op != EditOp::Set && !field.is_list() {
        return Err(format!("{f} is not a list field; use {f}=value"));
    }
    let merge = |current: Vec<String>| -> Vec<String> {
        match edit.op {
            EditOp::Set => items.clone(),
            EditOp::Add => {
                let mut out = current;
                for i in &items {
                    if !out.contains(i) {
                        out.push(i.clone());
                    }
                }
                out
            }
            EditOp::Remove => current.into_iter().filter(|c| !items.contains(c)).collect(),
        }
    };
    let text = |v: &str| -> Result<String, String> {
        if v.trim().is_empty() {
            Err(format!("{f} may not be empty"))
        } else {
            Ok(v.trim().to_owned())
        }
    };
    let ident = |v: &str| -> Result<String, String> {
        if is_identifier(v) {
            Ok(v.to_owned())
        } else {
            Err(format!(
                "{f}: expected a lower-case identifier (letters, digits and hyphens), found {v:?}"
            ))
        }
    };
    let year = |v: &str| -> Result<Option<i32>, String> {
        if v.is_empty() {
            return Ok(None);
        }
        v.parse::<i64>()
            .ok()
            .and_then(|y| domain::Year::new(y).ok())
            .map(|y| Some(y.get()))
            .ok_or_else(|| {
                format!("{f}: expected a year between 1900 and 2200, or nothing, found {v:?}")
            })
    };
    match field {
        PolicyField::Ministry => p.ministry = text(&edit.value)?,
        PolicyField::Title => p.title = text(&edit.value)?,
        PolicyField::Objectives => p.objectives = text(&edit.value)?,
        PolicyField::Source => p.source = text(&edit.value)?,
        PolicyField::Instrument => p.instrument = ident(&edit.value)?,
        PolicyField::Area => p.area = ident(&edit.value)?,
        PolicyField::Status => {
            p.status = PolicyStatus::parse(&edit.value).ok_or_else(|| {
                format!(
                    "status: expected planned, active, suspended or ended, found {:?}",
                    edit.value
                )
            })?;
        }
        PolicyField::StartYear => p.start_year = year(&edit.value)?,
        PolicyField::EndYear => p.end_year = year(&edit.value)?,
        PolicyField::TargetGroups => {
            p.target_groups = merge(p.target_groups.clone())
                .iter()
                .map(|v| ident(v))
                .collect::<Result<_, _>>()?;
        }
        PolicyField::Tags => {
            p.tags = merge(p.tags.clone()).iter().map(|v| ident(v)).collect::<Result<_, _>>()?
        }
        PolicyField::Stages => {
            let names = merge(p.stages.iter().map(|s| s.as_str().to_owned()).collect());
            let stages = names
                .iter()
                .map(|s| {
                    Stage::parse(s).ok_or_else(|| {
                        format!("stages: expected before-departure, recruitment-departure, stay-abroad or return-reintegration, found {s:?}")
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            if stages.is_empty() {
                return Err("stages: a policy acts on at least one stage".to_owned());
            }
            p.stages = stages;
        }
        PolicyField::Partners => {
            let names = merge(p.partners.iter().map(|c| c.as_str().to_owned()).collect());
            p.partners = names
                .iter()
                .map(|s| {
                    Iso3::parse(s)
                        .ok()
                        .filter(|c| domain::area::real_area(*c).is_some() || known.contains(c))
                        .ok_or_else(|| {
                            format!("partners: {s:?} is not a known ISO 3166-1 alpha-3 code")
                        })
                })
                .collect::<Result<_, _>>()?;
        }
        PolicyField::Id | PolicyField::Country => unreachable!("checked: not editable"),
    }
    if let (Some(s), Some(e)) = (p.start_year, p.end_year)
        && e < s
    {
        return Err(format!("end_year {e} is before start_year {s}"));
    }
    Ok(())
}

impl Workspace {
    /// Imports a register file (TOML or CSV, by extension) into the register layer, in
    /// one transaction; every new or changed policy is recorded in the audit log.
    ///
    /// # Errors
    /// [`Error::Io`] if the file is not UTF-8, [`Error::Import`] naming the file, line
    /// and field if it is malformed (nothing is stored), [`Error::MissingActor`] for an
    /// empty user, [`Error::MissingReason`] for an empty reason, [`Error::Store`] if the
    /// write fails.
    pub async fn register_import(
        &self,
        file: &crate::Input,
        user: &str,
        reason: Option<&str>,
    ) -> Result<RegisterImportSummary, Error> {
        let shown = file.name.clone();
        let text = file.text()?;
        let known: Vec<domain::Area> =
            self.store.defined_areas().await?.into_iter().map(|(_, a)| a).collect();
        let policies = ingest::register::read_register(&shown, text, &known)?;
        let by = self
            .change_by(user, reason.map_or_else(|| format!("import of {shown}"), str::to_owned))?;
        let outcome = self.store.register_import(&policies, &by).await?;
        Ok(RegisterImportSummary {
            file: shown,
            read: policies.len(),
            added: outcome.added,
            changed: outcome.changed,
            unchanged: outcome.unchanged,
        })
    }

    /// The effective register of a country (given as code, M49 or name), or of every
    /// country.
    ///
    /// # Errors
    /// [`Error::UnknownArea`] for an unknown country, [`Error::Store`] if the store
    /// cannot be read.
    pub async fn register_list(&self, country: Option<&str>) -> Result<Vec<RegisterEntry>, Error> {
        let code = match country {
            Some(q) => Some(self.resolve_area(q).await?.code()),
            None => None,
        };
        Ok(self
            .store
            .register(code)
            .await?
            .iter()
            .map(|r| RegisterEntry::new(&r.policy, r.layer))
            .collect())
    }

    /// The effective register as a register file's text.
    ///
    /// # Errors
    /// As [`Workspace::register_list`].
    pub async fn register_export(
        &self,
        country: Option<&str>,
        format: RegisterFileFormat,
    ) -> Result<String, Error> {
        let code = match country {
            Some(q) => Some(self.resolve_area(q).await?.code()),
            None => None,
        };
        let policies: Vec<Policy> =
            self.store.register(code).await?.into_iter().map(|r| r.policy).collect();
        Ok(match format {
            RegisterFileFormat::Toml => ingest::register::write_register_toml(&policies),
            RegisterFileFormat::Csv => ingest::register::write_register_csv(&policies),
        })
    }

    /// Edits fields of the policy `id` (of `country` when several countries use the id)
    /// in one transaction, recording who, when, why and each field's old and new value.
    /// Returns the fields that changed (none if the edits change nothing).
    ///
    /// # Errors
    /// [`Error::MissingActor`], [`Error::MissingReason`], [`Error::NothingToEdit`],
    /// [`Error::UnknownPolicy`], [`Error::AmbiguousPolicy`] (no country given and
    /// several have the id), [`Error::Register`] for a value a register file would
    /// refuse; [`Error::Store`]
    /// ([`store::Error::Conflict`]) if the policy changed meanwhile.
    pub async fn register_edit(
        &self,
        id: &str,
        country: Option<&str>,
        edits: &[FieldEdit],
        user: &str,
        reason: &str,
    ) -> Result<Vec<FieldChangeInfo>, Error> {
        let by = self.change_by(user, reason.to_owned())?;
        if edits.is_empty() {
            return Err(Error::NothingToEdit);
        }
        let code = match country {
            Some(q) => Some(self.resolve_area(q).await?.code()),
            None => None,
        };
        let found: Vec<Policy> = self
            .store
            .register(code)
            .await?
            .into_iter()
            .filter(|r| r.policy.id == id)
            .map(|r| r.policy)
            .collect();
        let current = match found.as_slice() {
            [one] => one.clone(),
            [] => return Err(Error::UnknownPolicy { id: id.to_owned() }),
            several => {
                return Err(Error::AmbiguousPolicy {
                    id: id.to_owned(),
                    countries: several.iter().map(|p| p.country.to_string()).collect(),
                });
            }
        };
        let updated = self.edited(&current, edits).await?;
        let changes = self.store.register_edit(&current, &updated, &by).await?;
        Ok(changes
            .into_iter()
            .map(|c| FieldChangeInfo { field: c.field, old: c.old, new: c.new })
            .collect())
    }

    /// The register's audit log, oldest first, for one policy id when given.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn register_audit(&self, id: Option<&str>) -> Result<Vec<AuditInfo>, Error> {
        self.store.register_audit(None, id).await?.into_iter().map(AuditInfo::of).collect()
    }

    /// Checks the corridor from `origin` to `destination` (codes, M49 codes or names)
    /// against the corridor rules: those of the file `rules` when given (an analyst's
    /// own, in the layout of `rules/corridor-rules.toml`), else the built-in ones.
    ///
    /// # Errors
    /// [`Error::UnknownArea`], [`Error::Register`] if both are the same country,
    /// [`Error::Io`] (not UTF-8) or [`Error::Import`] (file, line, field) for a rules file,
    /// [`Error::Store`] if the store cannot be read.
    pub async fn corridor(
        &self,
        origin: &str,
        destination: &str,
        rules: Option<&crate::Input>,
    ) -> Result<CorridorReport, Error> {
        let o = self.resolve_area(origin).await?;
        let d = self.resolve_area(destination).await?;
        if o.iso3 == d.iso3 {
            return Err(Error::Register(format!(
                "a corridor needs two countries; {} was given twice",
                o.iso3
            )));
        }
        let base = CorridorBase::load(&self.store, rule_set(rules)?).await?;
        let world =
            CorridorWorld::load(&self.store, &base, Some(o.code()), &base.pair_indicators, &[])
                .await?;
        Ok(world.check(o.code(), d.code()))
    }

    /// Checks a corridor as [`Workspace::corridor`] does, reading of each side's register
    /// only what its reader may see: `None` the whole register, `Some(ids)` only those
    /// policies (none: as if the side had no register). A partnership's corridor page
    /// checks what each government shares with it, so that no finding rests on a policy
    /// it keeps to itself. With the report come the data the rules read (the corridor's
    /// figures both ways, each with its source).
    ///
    /// # Errors
    /// As [`Workspace::corridor`].
    pub async fn corridor_visible(
        &self,
        origin: &str,
        destination: &str,
        origin_sees: Option<&[String]>,
        destination_sees: Option<&[String]>,
    ) -> Result<(CorridorReport, Vec<DataFact>), Error> {
        let o = self.resolve_area(origin).await?;
        let d = self.resolve_area(destination).await?;
        if o.iso3 == d.iso3 {
            return Err(Error::Register(format!(
                "a corridor needs two countries; {} was given twice",
                o.iso3
            )));
        }
        let mut base = CorridorBase::load(&self.store, rule_set(None)?).await?;
        for (code, sees) in [(o.code(), origin_sees), (d.code(), destination_sees)] {
            let Some(ids) = sees else { continue };
            let kept: Vec<Policy> = base
                .policies
                .remove(&code)
                .unwrap_or_default()
                .into_iter()
                .filter(|p| ids.contains(&p.id))
                .collect();
            if !kept.is_empty() {
                base.policies.insert(code, kept);
            }
        }
        let world =
            CorridorWorld::load(&self.store, &base, Some(o.code()), &base.pair_indicators, &[])
                .await?;
        let (facts, used_fictional) = world.facts(o.code(), d.code());
        let report = world.check_facts(o.code(), d.code(), &facts, used_fictional);
        Ok((report, facts.data))
    }

    /// Checks every corridor with a migrant stock in the store (origin → destination),
    /// largest stock first, against the rules of [`Workspace::corridor`].
    ///
    /// # Errors
    /// As [`Workspace::corridor`].
    pub async fn corridors_all(
        &self,
        rules: Option<&crate::Input>,
    ) -> Result<Vec<CorridorReport>, Error> {
        let base = CorridorBase::load(&self.store, rule_set(rules)?).await?;
        let world =
            CorridorWorld::load(&self.store, &base, None, &base.pair_indicators, &[]).await?;
        let mut pairs: Vec<((Iso3, Iso3), f64)> = world
            .pairs
            .iter()
            .filter(|((ind, a, b), _)| ind == Indicator::MIGRANT_STOCK.code && a != b)
            .map(|((_, a, b), v)| ((*a, *b), v.value))
            .collect();
        pairs.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        Ok(pairs.into_iter().map(|((a, b), _)| world.check(a, b)).collect())
    }
}

/// The corridor checks of a country with its largest partners: as origin with its top
/// destinations and as destination with its top origins (`top` of each, by the latest
/// migrant stock). Each is the report `coherence corridor` gives for the corridor: a
/// rule that needs a register missing on either side is listed as not evaluated, with
/// the country whose register is missing.
///
/// `base` is what checks share (`None`: no corridor is checked); `stocks_out` and
/// `stocks_in` are the country's bilateral migrant stock rows as origin and as
/// destination (as [`Store::pair_values`] returns them), already read by the profile.
/// The other pair values are read only for the rules that can be evaluated on the
/// chosen corridors (none when no register of either side is loaded and the rules
/// without one need only the migrant stock).
pub(crate) async fn corridor_checks_of(
    store: &Store,
    base: Option<&CorridorBase>,
    code: Iso3,
    top: usize,
    stocks_out: &[store::StoredPairValue],
    stocks_in: &[store::StoredPairValue],
) -> Result<Vec<CorridorReport>, Error> {
    let Some(base) = base else { return Ok(Vec::new()) };
    let mut latest: HashMap<(Iso3, Iso3), Option<Latest>> = HashMap::new();
    for v in stocks_out.iter().chain(stocks_in) {
        if v.sex != Sex::Total || v.from == v.to {
            continue;
        }
        keep_latest(
            &base.ranker,
            Indicator::MIGRANT_STOCK.code,
            latest.entry((v.from, v.to)).or_default(),
            Latest {
                year: v.year,
                value: v.value,
                import_id: v.import_id,
                cell: String::new(),
                unit: String::new(),
                summed: None,
            },
        );
    }
    let mut out_pairs: Vec<(f64, Iso3, Iso3)> = Vec::new();
    let mut in_pairs: Vec<(f64, Iso3, Iso3)> = Vec::new();
    for ((a, b), v) in latest {
        let Some(v) = v else { continue };
        if a == code {
            out_pairs.push((v.value, a, b));
        } else if b == code {
            in_pairs.push((v.value, a, b));
        }
    }
    let mut chosen = Vec::new();
    for mut list in [out_pairs, in_pairs] {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        chosen.extend(list.into_iter().take(top).map(|(_, a, b)| (a, b)));
    }
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    // The pair indicators of the rules that can be evaluated on some chosen corridor;
    // the migrant stock comes from the profile's rows.
    let mut read: Vec<String> = Vec::new();
    for rule in &base.rules.rules {
        let needs = corridor::registers_needed(rule);
        let evaluable = chosen.iter().any(|(a, b)| {
            (!needs.origin || base.policies.contains_key(a))
                && (!needs.destination || base.policies.contains_key(b))
        });
        if evaluable {
            read.extend(
                rule_places(rule)
                    .into_iter()
                    .filter(|p| p.pair.is_some() && p.indicator != Indicator::MIGRANT_STOCK.code)
                    .map(|p| p.indicator),
            );
        }
    }
    read.extend(
        corridor::figure_places()
            .into_iter()
            .filter(|p| p.indicator != Indicator::MIGRANT_STOCK.code)
            .map(|p| p.indicator),
    );
    read.sort();
    read.dedup();
    let seed: Vec<&store::StoredPairValue> = stocks_out.iter().chain(stocks_in).collect();
    let world = CorridorWorld::load(store, base, Some(code), &read, &seed).await?;
    Ok(chosen.into_iter().map(|(a, b)| world.check(a, b)).collect())
}

/// The rules of the file `rules`, else the built-in rules.
fn rule_set(rules: Option<&crate::Input>) -> Result<RuleSet, Error> {
    match rules {
        None => Ok(ingest::rules::builtin_corridor_rules()?),
        Some(file) => Ok(ingest::rules::read_corridor_rules(&file.name, file.text()?)?),
    }
}

impl Workspace {
    /// Who makes a register change, and why; both must be given.
    fn change_by(&self, user: &str, reason: String) -> Result<store::ChangeBy, Error> {
        if user.trim().is_empty() {
            return Err(Error::MissingActor);
        }
        if reason.trim().is_empty() {
            return Err(Error::MissingReason { what: "register change" });
        }
        Ok(store::ChangeBy {
            user: user.trim().to_owned(),
            user_id: self.user_id,
            reason: reason.trim().to_owned(),
        })
    }
}

/// A stored value, latest year.
#[derive(Clone, Debug)]
struct Latest {
    year: i32,
    value: f64,
    import_id: i64,
    cell: String,
    unit: String,
    /// For a year summed from its monthly tables ([`crate::labour::Parts`]): the
    /// dataset cited (the whole year) and how the sum was made.
    summed: Option<(String, String)>,
}

/// Keeps in `slot` the newest year's value of `indicator`; among datasets of that year,
/// the one the indicator's rule prefers ([`crate::select`]), never the order of imports;
/// a publisher's placeholder is never kept.
fn keep_latest(ranker: &Ranker, indicator: &str, slot: &mut Option<Latest>, new: Latest) {
    if ranker.placeholder(indicator, new.import_id, new.value) {
        return;
    }
    let key = |l: &Latest| {
        (std::cmp::Reverse(l.year), ranker.rank(indicator, l.import_id, 0), l.import_id)
    };
    match slot {
        Some(old) if key(old) <= key(&new) => {}
        _ => *slot = Some(new),
    }
}

/// What corridor checks read from the store apart from pair values: the rules,
/// registers, attributes and the latest area values the rules name. Loaded once for
/// many corridors (and once per batch of profiles).
pub(crate) struct CorridorBase {
    rules: RuleSet,
    /// The selection rules' order of every import: the corridor facts are the figures
    /// the profiles show.
    ranker: Ranker,
    datasets: HashMap<i64, DatasetRecord>,
    names: HashMap<Iso3, String>,
    fictional: HashMap<Iso3, bool>,
    policies: HashMap<Iso3, Vec<Policy>>,
    attributes: HashMap<Iso3, Vec<AttributeFact>>,
    areas: HashMap<(String, Iso3), Latest>,
    /// The data places the rules read, in rule order.
    places: Vec<DataPlace>,
    /// The pair indicators the rules read, and the migrant stock; sorted.
    pair_indicators: Vec<String>,
}

/// Everything corridor checks read from the store: the shared part and the pair values.
struct CorridorWorld<'a> {
    base: &'a CorridorBase,
    pairs: HashMap<(String, Iso3, Iso3), Latest>,
}

/// The data places one rule reads: its conditions' and its context's.
fn rule_places(rule: &Rule) -> Vec<DataPlace> {
    fn walk(c: &Condition, out: &mut Vec<DataPlace>) {
        match c {
            Condition::Data(t) => out.push(t.place.clone()),
            Condition::Any(l) | Condition::All(l) => l.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    rule.all.iter().for_each(|c| walk(c, &mut out));
    out.extend(rule.context.iter().cloned());
    out
}

/// The data places of the rules that can be evaluated: every rule's when a register is
/// loaded, else only those of the rules that need no register.
fn places(rules: &RuleSet, any_register: bool) -> Vec<DataPlace> {
    let mut out: Vec<DataPlace> = rules
        .rules
        .iter()
        .filter(|r| any_register || corridor::registers_needed(r).none())
        .flat_map(rule_places)
        .collect();
    out.extend(corridor::figure_places());
    out
}

impl CorridorBase {
    /// For profiles: the built-in rules' base. Always `Some`: without any register the
    /// corridors are still checked, so that the profile says which rules could not be
    /// evaluated and why, as `coherence corridor` does; only the data of the rules
    /// that need no register is read then.
    pub(crate) async fn load_for_profiles(store: &Store) -> Result<Option<CorridorBase>, Error> {
        let rules = ingest::rules::builtin_corridor_rules()?;
        Ok(Some(CorridorBase::load(store, rules).await?))
    }

    /// Loads what the rules read, except pair values.
    async fn load(store: &Store, rules: RuleSet) -> Result<CorridorBase, Error> {
        let datasets: HashMap<i64, DatasetRecord> =
            store.datasets().await?.into_iter().map(|d| (d.id, d)).collect();
        let ranker = Ranker::new(datasets.values());
        let mut names: HashMap<Iso3, String> =
            domain::area::real_areas().iter().map(|r| (r.iso3, r.name.to_owned())).collect();
        let mut fictional = HashMap::new();
        for (_, a) in store.defined_areas().await? {
            fictional.insert(a.iso3, a.kind == domain::AreaKind::Fictional);
            names.insert(a.iso3, a.name);
        }
        let mut policies: HashMap<Iso3, Vec<Policy>> = HashMap::new();
        for r in store.register(None).await? {
            policies.entry(r.policy.country).or_default().push(r.policy);
        }

        let places = places(&rules, !policies.is_empty());
        let mut pair_indicators: Vec<String> =
            places.iter().filter(|p| p.pair.is_some()).map(|p| p.indicator.clone()).collect();
        pair_indicators.push(Indicator::MIGRANT_STOCK.code.to_owned());
        pair_indicators.sort();
        pair_indicators.dedup();
        let mut area_indicators: Vec<String> =
            places.iter().filter(|p| p.area.is_some()).map(|p| p.indicator.clone()).collect();
        area_indicators.sort();
        area_indicators.dedup();
        let mut areas: HashMap<(String, Iso3), Option<Latest>> = HashMap::new();
        for ind in &area_indicators {
            for v in store.indicator_values(ind, Sex::Total).await? {
                let slot = areas.entry((ind.clone(), v.area)).or_default();
                keep_latest(
                    &ranker,
                    ind,
                    slot,
                    Latest {
                        year: v.year,
                        value: v.value,
                        import_id: v.import_id,
                        cell: v.provenance.to_string(),
                        unit: v.unit.as_str().to_owned(),
                        summed: None,
                    },
                );
            }
        }

        let mut attributes: HashMap<Iso3, Vec<AttributeFact>> = HashMap::new();
        // Fictional countries: the demo world's countries file.
        if let Some(demo_id) = datasets.values().find(|d| d.fictional).map(|d| d.id)
            && let Some(list) = crate::groups::demo_attributes()
        {
            for a in list {
                let facts = [
                    (Attribute::WhoSsl, a.who_ssl),
                    (Attribute::IcmwParty, a.icmw_party),
                    (Attribute::IloC97Party, a.ilo_c97_party),
                    (Attribute::IloC143Party, a.ilo_c143_party),
                ]
                .into_iter()
                .map(|(attribute, value)| AttributeFact {
                    attribute,
                    value,
                    source: source_of(
                        &datasets,
                        demo_id,
                        Some(format!("demo/countries.csv, column {}", attribute.as_str())),
                    ),
                })
                .collect();
                attributes.insert(a.iso3, facts);
            }
        }
        // Real countries: the WHO safeguards list 2023, and stored ICMW ratifications.
        let ssl = ingest::safeguards::who_ssl_2023();
        let ssl_source = |cell: Option<String>, derivation: Option<String>| Source {
            dataset_id: 0,
            dataset: ingest::safeguards::WHO_SSL_2023_SOURCE.to_owned(),
            publisher: "World Health Organization".to_owned(),
            cell,
            derivation,
        };
        let icmw: HashMap<Iso3, Latest> = {
            let mut m: HashMap<Iso3, Option<Latest>> = HashMap::new();
            for v in store.indicator_values(Indicator::ICMW_STATUS.code, Sex::Total).await? {
                keep_latest(
                    &ranker,
                    Indicator::ICMW_STATUS.code,
                    m.entry(v.area).or_default(),
                    Latest {
                        year: v.year,
                        value: v.value,
                        import_id: v.import_id,
                        cell: v.provenance.to_string(),
                        unit: String::new(),
                        summed: None,
                    },
                );
            }
            m.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
        };
        for r in domain::area::real_areas() {
            let mut facts = Vec::new();
            let entry = ssl.iter().find(|e| e.iso3 == r.iso3);
            facts.push(AttributeFact {
                attribute: Attribute::WhoSsl,
                value: entry.is_some(),
                source: ssl_source(
                    entry.map(|e| format!("crates/ingest/data/who_ssl_2023.csv, line {}", e.line)),
                    entry
                        .is_none()
                        .then(|| format!("not among the {} countries of the list", ssl.len())),
                ),
            });
            if let Some(v) = icmw.get(&r.iso3) {
                facts.push(AttributeFact {
                    attribute: Attribute::IcmwParty,
                    value: v.value as i64 == 2,
                    source: source_of(&datasets, v.import_id, Some(v.cell.clone())),
                });
            }
            attributes.entry(r.iso3).or_insert(facts);
        }

        Ok(CorridorBase {
            rules,
            ranker,
            datasets,
            names,
            fictional,
            policies,
            attributes,
            areas: areas.into_iter().filter_map(|(k, v)| Some((k, v?))).collect(),
            places,
            pair_indicators,
        })
    }
}

impl<'a> CorridorWorld<'a> {
    /// Loads the pair values the rules read. With `around`, only the pairs that have
    /// that country at one end are read: enough to check any corridor of that country,
    /// and much less than every pair in the store.
    ///
    /// `indicators` are the pair indicators to read; `seed` are pair rows already read
    /// (the profile's migrant stocks), kept as if read here.
    async fn load(
        store: &Store,
        base: &'a CorridorBase,
        around: Option<Iso3>,
        indicators: &[String],
        seed: &[&store::StoredPairValue],
    ) -> Result<CorridorWorld<'a>, Error> {
        let mut pairs: HashMap<(String, Iso3, Iso3), Option<Latest>> = HashMap::new();
        let mut rows: Vec<store::StoredPairValue> = Vec::new();
        for ind in indicators {
            match around {
                None => rows.extend(store.pair_values(ind, None, None).await?),
                Some(c) => {
                    rows.extend(store.pair_values(ind, Some(c), None).await?);
                    rows.extend(store.pair_values(ind, None, Some(c)).await?);
                }
            }
        }
        rows.extend(seed.iter().map(|&v| v.clone()));
        rows.retain(|v| v.sex == Sex::Total);
        // A year published as monthly tables counts as the sum of its twelve months,
        // as in the profiles; never one month for the year.
        let parts = crate::labour::Parts::new(&base.datasets, rows);
        for v in &parts.rows {
            let slot = pairs.entry((v.indicator.clone(), v.from, v.to)).or_default();
            let summed = parts.summed.get(&v.import_id).map(|s| (s.dataset.clone(), s.how.clone()));
            let cell = if summed.is_some() { String::new() } else { v.provenance.to_string() };
            keep_latest(
                &base.ranker,
                &v.indicator,
                slot,
                Latest {
                    year: v.year,
                    value: v.value,
                    import_id: v.import_id,
                    cell,
                    unit: v.unit.as_str().to_owned(),
                    summed,
                },
            );
        }
        Ok(CorridorWorld {
            base,
            pairs: pairs.into_iter().filter_map(|(k, v)| Some((k, v?))).collect(),
        })
    }

    fn country(&self, code: Iso3) -> CountryFacts {
        CountryFacts {
            iso3: code.as_str().to_owned(),
            name: self.base.names.get(&code).cloned().unwrap_or_else(|| code.as_str().to_owned()),
            register: self.base.policies.get(&code).cloned(),
            attributes: self.base.attributes.get(&code).cloned().unwrap_or_default(),
        }
    }

    fn check(&self, origin: Iso3, destination: Iso3) -> CorridorReport {
        let (facts, used_fictional) = self.facts(origin, destination);
        self.check_facts(origin, destination, &facts, used_fictional)
    }

    /// The report of the rules over `facts`, with the fictional notice if any data or
    /// either country is fictional.
    fn check_facts(
        &self,
        origin: Iso3,
        destination: Iso3,
        facts: &CorridorFacts,
        used_fictional: bool,
    ) -> CorridorReport {
        let mut report = corridor::check(&self.base.rules, facts);
        let fictional = used_fictional
            || [origin, destination]
                .iter()
                .any(|c| self.base.fictional.get(c).copied().unwrap_or(false));
        report.fictional_notice = fictional.then(|| FICTIONAL_NOTICE.to_owned());
        report
    }

    /// What the rules read of a corridor: each side's register and attributes, and the
    /// latest data of the places they name; and whether any of those data are fictional.
    fn facts(&self, origin: Iso3, destination: Iso3) -> (CorridorFacts, bool) {
        let code = |s: Side| if s == Side::Destination { destination } else { origin };
        let mut data = Vec::new();
        let mut used_fictional = false;
        for place in &self.base.places {
            let (latest, area, pair) = match (place.area, place.pair) {
                (Some(side), _) => (
                    self.base.areas.get(&(place.indicator.clone(), code(side))),
                    Some(code(side)),
                    None,
                ),
                (None, Some((a, b))) => (
                    self.pairs.get(&(place.indicator.clone(), code(a), code(b))),
                    None,
                    Some((code(a), code(b))),
                ),
                (None, None) => continue,
            };
            let Some(l) = latest else { continue };
            let fact = DataFact {
                indicator: place.indicator.clone(),
                area: area.map(|a| a.as_str().to_owned()),
                pair: pair.map(|(a, b)| (a.as_str().to_owned(), b.as_str().to_owned())),
                year: l.year,
                value: l.value,
                unit: l.unit.clone(),
                source: match &l.summed {
                    Some((dataset, how)) => {
                        let mut source = source_of(&self.base.datasets, l.import_id, None);
                        source.dataset.clone_from(dataset);
                        source.derivation = Some(how.clone());
                        source
                    }
                    None => source_of(&self.base.datasets, l.import_id, Some(l.cell.clone())),
                },
            };
            used_fictional |= self.base.datasets.get(&l.import_id).is_some_and(|d| d.fictional);
            if !data.contains(&fact) {
                data.push(fact);
            }
        }
        let facts = CorridorFacts {
            origin: self.country(origin),
            destination: self.country(destination),
            data,
        };
        (facts, used_fictional)
    }
}

fn source_of(
    datasets: &HashMap<i64, DatasetRecord>,
    import_id: i64,
    cell: Option<String>,
) -> Source {
    let (dataset, publisher) = match datasets.get(&import_id) {
        Some(d) => (format!("{} (edition {})", d.title, d.edition), d.publisher.clone()),
        None => (format!("import {import_id}"), String::new()),
    };
    Source { dataset_id: import_id, dataset, publisher, cell, derivation: None }
}

/// Whether `id` can name a new policy: 1 to 64 ASCII letters, digits, `-`, `_` or `.`.
fn is_policy_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

impl Workspace {
    /// One policy of `country`'s (code, M49 or name) effective register, with its
    /// version.
    ///
    /// # Errors
    /// [`Error::UnknownArea`], [`Error::UnknownPolicy`], [`Error::Store`].
    pub async fn register_policy(&self, country: &str, id: &str) -> Result<RegisterEntry, Error> {
        let code = self.resolve_area(country).await?.code();
        let found = self.store.register_policy(code, id).await?;
        found
            .map(|r| RegisterEntry::new(&r.policy, r.layer))
            .ok_or_else(|| Error::UnknownPolicy { id: id.to_owned() })
    }

    /// Edits fields of `country`'s policy `id` as [`Workspace::register_edit`] does, only
    /// if the policy is still at `expected_version` (its [`RegisterEntry::version`] when
    /// the client read it). Returns the changed fields.
    ///
    /// # Errors
    /// As [`Workspace::register_edit`]; [`Error::Store`] ([`store::Error::Conflict`],
    /// naming the current version) if the policy changed since `expected_version`.
    pub async fn register_edit_checked(
        &self,
        country: &str,
        id: &str,
        expected_version: &str,
        edits: &[FieldEdit],
        user: &str,
        reason: &str,
    ) -> Result<Vec<FieldChangeInfo>, Error> {
        let by = self.change_by(user, reason.to_owned())?;
        if edits.is_empty() {
            return Err(Error::NothingToEdit);
        }
        let code = self.resolve_area(country).await?.code();
        let current = self
            .store
            .register_policy(code, id)
            .await?
            .ok_or_else(|| Error::UnknownPolicy { id: id.to_owned() })?
            .policy;
        let now = policy_version(&current);
        if now != expected_version {
            return Err(Error::Store(store::Error::Conflict {
                what: format!(
                    "policy {id} of {code} changed since version {expected_version} was read (it is now version {now}); read it again and redo the edit"
                ),
            }));
        }
        let updated = self.edited(&current, edits).await?;
        let changes = self.store.register_edit(&current, &updated, &by).await?;
        Ok(changes
            .into_iter()
            .map(|c| FieldChangeInfo { field: c.field, old: c.old, new: c.new })
            .collect())
    }

    /// Adds a new policy `id` to `country`'s register with the fields `fields` (set
    /// edits, checked as a register file's values; `ministry`, `title`, `instrument`,
    /// `area`, `stages`, `objectives` and `source` are required, as in a register file;
    /// `status` is `planned` unless given). The
    /// addition is in the register's audit log (as an import of one policy) with who and
    /// why.
    ///
    /// # Errors
    /// [`Error::Register`] for a bad id or a missing or bad field; [`Error::Store`]
    /// ([`store::Error::Conflict`]) for an id the register already has;
    /// [`Error::UnknownArea`], [`Error::MissingActor`],
    /// [`Error::MissingReason`], [`Error::Store`].
    pub async fn register_create(
        &self,
        country: &str,
        id: &str,
        fields: &[FieldEdit],
        user: &str,
        reason: &str,
    ) -> Result<RegisterEntry, Error> {
        let by = self.change_by(user, reason.to_owned())?;
        let code = self.resolve_area(country).await?.code();
        if !is_policy_id(id) {
            return Err(Error::Register(format!(
                "{id:?} cannot name a policy: use 1 to 64 letters, digits, '-', '_' or '.'"
            )));
        }
        if self.store.register_policy(code, id).await?.is_some() {
            return Err(Error::Store(store::Error::Conflict {
                what: format!("the register of {code} already has policy {id}"),
            }));
        }
        let mut policy = Policy {
            id: id.to_owned(),
            country: code,
            ministry: String::new(),
            title: String::new(),
            instrument: String::new(),
            stages: Vec::new(),
            area: String::new(),
            partners: Vec::new(),
            target_groups: Vec::new(),
            status: PolicyStatus::Planned,
            start_year: None,
            end_year: None,
            objectives: String::new(),
            tags: Vec::new(),
            source: String::new(),
        };
        let known: Vec<Iso3> =
            self.store.defined_areas().await?.into_iter().map(|(_, a)| a.iso3).collect();
        for e in fields {
            if e.op != EditOp::Set {
                return Err(Error::Register(format!(
                    "{}: a new policy's fields are set, not added to or removed from",
                    e.field
                )));
            }
            apply(&mut policy, e, &known).map_err(Error::Register)?;
        }
        let missing: Vec<&str> = [
            ("ministry", policy.ministry.is_empty()),
            ("title", policy.title.is_empty()),
            ("instrument", policy.instrument.is_empty()),
            ("area", policy.area.is_empty()),
            ("stages", policy.stages.is_empty()),
            ("objectives", policy.objectives.is_empty()),
            ("source", policy.source.is_empty()),
        ]
        .into_iter()
        .filter_map(|(f, empty)| empty.then_some(f))
        .collect();
        if !missing.is_empty() {
            return Err(Error::Register(format!(
                "a new policy needs the fields {}",
                missing.join(", ")
            )));
        }
        self.store.register_create(&policy, &by).await?;
        self.register_policy(code.as_str(), id).await
    }

    /// `current` with `edits` applied, each checked as a register file's value.
    async fn edited(&self, current: &Policy, edits: &[FieldEdit]) -> Result<Policy, Error> {
        let known: Vec<Iso3> =
            self.store.defined_areas().await?.into_iter().map(|(_, a)| a.iso3).collect();
        let mut updated = current.clone();
        for e in edits {
            apply(&mut updated, e, &known).map_err(Error::Register)?;
        }
        Ok(updated)
    }

    /// The register's audit log of `country`'s policy `id`, oldest first.
    ///
    /// # Errors
    /// [`Error::UnknownArea`], [`Error::Store`].
    pub async fn policy_history(&self, country: &str, id: &str) -> Result<Vec<AuditInfo>, Error> {
        let code = self.resolve_area(country).await?.code();
        self.store
            .register_audit(Some(code), Some(id))
            .await?
            .into_iter()
            .map(AuditInfo::of)
            .collect()
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;

    #[test]
    fn a_policys_version_changes_with_any_field_and_only_then() {
        let p = Policy {
            id: "XAA-LAB-01".to_owned(),
            country: Iso3::from_static("XAA"),
            ministry: "Labour".to_owned(),
            title: "Orientation".to_owned(),
            instrument: "programme".to_owned(),
            stages: vec![Stage::BeforeDeparture],
            area: "labour".to_owned(),
            partners: Vec::new(),
            target_groups: Vec::new(),
            status: PolicyStatus::Active,
            start_year: Some(2009),
            end_year: None,
            objectives: "Inform.".to_owned(),
            tags: vec!["a".to_owned(), "b".to_owned()],
            source: "Circular".to_owned(),
        };
        let v = policy_version(&p);
        assert_eq!(v.len(), 16);
        assert_eq!(policy_version(&p.clone()), v);
        let mut q = p.clone();
        q.start_year = Some(2010);
        assert_ne!(policy_version(&q), v);
        // Field boundaries count: moving a character between fields changes the version.
        let mut r = p.clone();
        r.tags = vec!["ab".to_owned()];
        assert_ne!(policy_version(&r), v);
    }
}

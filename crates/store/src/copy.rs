//! Copying a whole store into an empty one, between SQLite and PostgreSQL either way.
//!
//! Every table is copied in the order of its foreign keys, with its ids, in one write
//! transaction on the target, from one consistent state of the source; the target's
//! identity sequences are then advanced. The copy is verified afterwards by reading every
//! table of both stores in the order of its primary key and comparing every column
//! (floating values bit for bit).

use futures_util::TryStreamExt;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::dialect::Dialect;
use crate::write::bulk_insert;
use crate::{Error, Store};

/// The tables of a store, each after the tables its foreign keys point to.
/// `schema_migrations` is not copied: the target has its own, at the same version.
const TABLES: &[&str] = &[
    "users",
    "imports",
    "import_files",
    "areas",
    "area_values",
    "pair_values",
    "policies",
    "estimates",
    "estimate_coefficients",
    "estimate_vcov",
    "estimate_removed",
    "register_policies",
    "register_audit",
    "assessment_answer_sets",
    "assessment_answers",
    "sessions",
    "api_tokens",
    "workspaces",
    "memberships",
    "shares",
    "audit_log",
    "jobs",
    "job_files",
    "matrices",
    "matrix_scores",
    "answer_signoffs",
    "answer_assignments",
    "answer_drafts",
    "corridor_notes",
    "brief_scenarios",
    "shared_policies",
];

/// Rows per multi-row INSERT of a copy, at most (fewer for tables with many columns, so
/// that a statement stays within both databases' limits of bound parameters).
const BATCH: usize = 500;

/// One table of a [`copy`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCopy {
    /// The table's name.
    pub table: String,
    /// Rows copied (and found equal in both stores).
    pub rows: u64,
}

/// What a [`copy`] did: every table, in the order copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyReport {
    /// Each table with its rows.
    pub tables: Vec<TableCopy>,
}

/// How a column's values are read and bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Integer,
    Float,
    Text,
    Bytes,
}

/// A table's columns: names, kinds, and the names of its primary key.
struct Columns {
    names: Vec<String>,
    kinds: Vec<Kind>,
    key: Vec<String>,
}

/// One stored value; a floating value by its bits, so equal means bit for bit.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Null,
    Integer(i64),
    Float(u64),
    Text(String),
    Bytes(Vec<u8>),
}

/// Copies every row of `from` into `to`, which must be an empty store of the same schema
/// version (e.g. just created by [`Store::open`]), and verifies the copy.
///
/// # Errors
/// [`Error::Copy`] if the target holds data, the schema versions or tables differ, or a
/// table's rows differ after the copy; [`Error::Storage`] or [`Error::Query`] if a read or
/// the write fails (the target is then left empty).
pub async fn copy(from: &Store, to: &Store) -> Result<CopyReport, Error> {
    let fail =
        |store: &Store, reason: String| Error::Copy { store: store.location.clone(), reason };
    let (source_version, target_version) =
        (from.schema_version().await?, to.schema_version().await?);
    if source_version != target_version {
        return Err(fail(
            to,
            format!("schema version {target_version}, the source's is {source_version}"),
        ));
    }
    let mut columns = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let source = table_columns(from, table).await?;
        let target = table_columns(to, table).await?;
        if source.names != target.names || source.kinds != target.kinds {
            return Err(fail(to, format!("the table {table} has other columns than the source's")));
        }
        columns.push(source);
    }
    check_tables(from).await?;
    check_tables(to).await?;
    let mut source = from.dialect.begin_snapshot(&from.pool).await?;
    let copied =
        write_all(&mut source, to, &columns).await.map_err(|e| e.writing(&to.location, "copy"));
    let verified = match copied {
        Ok(()) => verify(&mut source, to, &columns).await,
        Err(e) => Err(e),
    };
    source.rollback().await?;
    verified
}

/// [`Error::Copy`] if the store holds a table this build does not copy.
async fn check_tables(store: &Store) -> Result<(), Error> {
    let tables: Vec<(String,)> =
        sqlx::query_as(store.dialect.tables_sql()).fetch_all(&store.pool).await?;
    for (table,) in tables {
        if table != "schema_migrations" && !TABLES.contains(&table.as_str()) {
            return Err(Error::Copy {
                store: store.location.clone(),
                reason: format!("the table {table} is not one a copy knows"),
            });
        }
    }
    Ok(())
}

/// The columns of `table` in `store`, in their order.
async fn table_columns(store: &Store, table: &str) -> Result<Columns, Error> {
    let rows: Vec<(String, String, i64)> =
        sqlx::query_as(store.dialect.columns_sql()).bind(table).fetch_all(&store.pool).await?;
    let mut columns = Columns { names: Vec::new(), kinds: Vec::new(), key: Vec::new() };
    for (name, declared, key) in rows {
        let declared = declared.to_ascii_uppercase();
        let kind = if declared.contains("INT") {
            Kind::Integer
        } else if ["REAL", "DOUBLE", "FLOA"].iter().any(|t| declared.contains(t)) {
            Kind::Float
        } else if ["BLOB", "BYTEA"].iter().any(|t| declared.contains(t)) {
            Kind::Bytes
        } else {
            Kind::Text
        };
        if key != 0 {
            columns.key.push(name.clone());
        }
        columns.names.push(name);
        columns.kinds.push(kind);
    }
    if columns.names.is_empty() || columns.key.is_empty() {
        return Err(Error::Copy {
            store: store.location.clone(),
            reason: format!("the table {table} is missing or has no primary key"),
        });
    }
    Ok(columns)
}

/// `SELECT` of every column of `table`, in the order of its primary key.
fn select_sql(table: &str, columns: &Columns) -> String {
    // Names from this crate's list and the database's catalogue, quoted.
    let quote =
        |names: &[String]| names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    format!("SELECT {} FROM \"{table}\" ORDER BY {}", quote(&columns.names), quote(&columns.key))
}

/// The values of one row.
fn values(row: &AnyRow, kinds: &[Kind]) -> Result<Vec<Value>, Error> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            Ok(match kind {
                Kind::Integer => {
                    row.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::Integer)
                }
                Kind::Float => row
                    .try_get::<Option<f64>, _>(i)?
                    .map_or(Value::Null, |f| Value::Float(f.to_bits())),
                Kind::Text => row.try_get::<Option<String>, _>(i)?.map_or(Value::Null, Value::Text),
                Kind::Bytes => {
                    row.try_get::<Option<Vec<u8>>, _>(i)?.map_or(Value::Null, Value::Bytes)
                }
            })
        })
        .collect()
}

/// Copies every table from the source snapshot into `to`, in one write transaction.
async fn write_all(
    source: &mut Transaction<'static, Any>,
    to: &Store,
    columns: &[Columns],
) -> Result<(), Error> {
    let mut target = to.dialect.begin_write(&to.pool).await?;
    for table in TABLES {
        let (n,): (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM \"{table}\"")))
                .fetch_one(&mut *target)
                .await?;
        if n > 0 {
            target.rollback().await?;
            return Err(Error::Copy {
                store: to.location.clone(),
                reason: format!(
                    "the target is not empty (its table {table} has {n} rows); a copy goes only \
                     into an empty store, never over data"
                ),
            });
        }
    }
    for (table, columns) in TABLES.iter().zip(columns) {
        let per_row = columns.names.len();
        let batch = BATCH.min(to.dialect.max_parameters() / per_row).max(1);
        let insert = format!(
            "INSERT INTO \"{table}\" ({})",
            columns.names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
        );
        let sql = select_sql(table, columns);
        let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch(&mut **source);
        let mut pending: Vec<Vec<Value>> = Vec::with_capacity(batch);
        while let Some(row) = rows.try_next().await? {
            pending.push(values(&row, &columns.kinds)?);
            if pending.len() == batch {
                insert_rows(&mut target, to.dialect, &insert, columns, &pending).await?;
                pending.clear();
            }
        }
        if !pending.is_empty() {
            insert_rows(&mut target, to.dialect, &insert, columns, &pending).await?;
        }
    }
    to.dialect.advance_identities(&mut target).await?;
    target.commit().await?;
    Ok(())
}

/// Inserts `rows` with one statement.
async fn insert_rows(
    target: &mut Transaction<'static, Any>,
    dialect: Dialect,
    insert: &str,
    columns: &Columns,
    rows: &[Vec<Value>],
) -> Result<(), Error> {
    let sql = bulk_insert(dialect, insert, columns.names.len(), rows.len());
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for row in rows {
        for (value, kind) in row.iter().zip(&columns.kinds) {
            query = match (value, kind) {
                (Value::Null, Kind::Integer) => query.bind(None::<i64>),
                (Value::Null, Kind::Float) => query.bind(None::<f64>),
                (Value::Null, Kind::Text) => query.bind(None::<String>),
                (Value::Null, Kind::Bytes) => query.bind(None::<Vec<u8>>),
                (Value::Integer(i), _) => query.bind(*i),
                (Value::Float(bits), _) => query.bind(f64::from_bits(*bits)),
                (Value::Text(t), _) => query.bind(t.clone()),
                (Value::Bytes(b), _) => query.bind(b.clone()),
            };
        }
    }
    query.execute(&mut **target).await?;
    Ok(())
}

/// Compares every table of the source snapshot with the target, row by row in the order of
/// the primary key.
async fn verify(
    source: &mut Transaction<'static, Any>,
    to: &Store,
    columns: &[Columns],
) -> Result<CopyReport, Error> {
    let mut report = CopyReport { tables: Vec::with_capacity(TABLES.len()) };
    for (table, columns) in TABLES.iter().zip(columns) {
        let sql = select_sql(table, columns);
        let mut left = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).fetch(&mut **source);
        let mut right = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch(&to.pool);
        let mut rows = 0u64;
        loop {
            let (a, b) = (left.try_next().await?, right.try_next().await?);
            let same = match (&a, &b) {
                (None, None) => break,
                (Some(a), Some(b)) => values(a, &columns.kinds)? == values(b, &columns.kinds)?,
                _ => false,
            };
            if !same {
                return Err(Error::Copy {
                    store: to.location.clone(),
                    reason: format!(
                        "after the copy, row {} of the table {table} differs from the source's",
                        rows + 1
                    ),
                });
            }
            rows += 1;
        }
        report.tables.push(TableCopy { table: (*table).to_owned(), rows });
    }
    Ok(report)
}

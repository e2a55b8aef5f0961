//! A minimal Apache Parquet writer for the draws table, one file per option.
//!
//! Written from the Parquet format specification (<https://parquet.apache.org/docs/file-format/>
//! and `parquet.thrift` of `apache/parquet-format`), with the Thrift compact protocol
//! encoded by hand. A file holds the outputs of one option ([`ParquetWriter::outputs`]);
//! the option itself is the folder's name, Hive style ([`partition_path`]:
//! `option=NAME/part-K.parquet`), so DuckDB (`read_parquet('run/**/*.parquet')`),
//! pyarrow (`pyarrow.parquet.read_table('run')`), pandas and Spark read a run's folder
//! as one table with an `option` column.
//!
//! | column   | physical type | logical type | repetition |
//! |----------|---------------|--------------|------------|
//! | `draw`   | INT64         | —            | required   |
//! | `metric` | BYTE_ARRAY    | STRING       | required   |
//! | `year`   | INT32         | —            | optional (null for a scalar output) |
//! | `value`  | DOUBLE        | —            | required   |
//!
//! Layout: `PAR1`, then row groups of at most [`ROW_GROUP_ROWS`] rows, each holding one
//! uncompressed version-1 data page per column (PLAIN encoding; the `year` column's
//! definition levels RLE-encoded with bit width 1, prefixed by their length), then the
//! file metadata (Thrift compact), its length (4 bytes, little-endian) and `PAR1`. The
//! metadata's key-value pairs record the scenario, plan fingerprint, seed, draws, shard
//! and option. The writer holds one row group's encoded columns (about 30 bytes a row).

use std::io::{self, Write};

use crate::engine::{Row, RunInfo};

/// Rows per row group (each column of a row group is one page).
pub const ROW_GROUP_ROWS: usize = 1 << 16;

/// The largest row group [`ParquetWriter::outputs_grouped`] accepts (its pages' sizes
/// are 32-bit).
pub const MAX_GROUP_ROWS: usize = 1 << 22;

const MAGIC: &[u8; 4] = b"PAR1";

// Physical types (parquet.thrift `Type`).
const INT32: i32 = 1;
const INT64: i32 = 2;
const DOUBLE: i32 = 5;
const BYTE_ARRAY: i32 = 6;
// `FieldRepetitionType`.
const REQUIRED: i32 = 0;
const OPTIONAL: i32 = 1;
// `Encoding`.
const PLAIN: i32 = 0;
const RLE: i32 = 3;
/// `ConvertedType.UTF8`.
const UTF8: i32 = 0;

// Thrift compact protocol types.
const T_I32: u8 = 5;
const T_I64: u8 = 6;
const T_BINARY: u8 = 8;
const T_LIST: u8 = 9;
const T_STRUCT: u8 = 12;

/// Thrift compact protocol output: field headers carry the delta from the previous
/// field id of the enclosing struct.
struct Thrift {
    out: Vec<u8>,
    /// The last field id of each open struct.
    last: Vec<i16>,
}

impl Thrift {
    fn new() -> Thrift {
        Thrift { out: Vec::new(), last: vec![0] }
    }

    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn field(&mut self, id: i16, ty: u8) {
        let last = self.last.last().copied().unwrap_or(0);
        let delta = id - last;
        if (1..=15).contains(&delta) {
            self.out.push(((delta as u8) << 4) | ty);
        } else {
            self.out.push(ty);
            let id = i64::from(id);
            self.zigzag(id);
        }
        if let Some(l) = self.last.last_mut() {
            *l = id;
        }
    }

    fn i32(&mut self, id: i16, v: i32) {
        self.field(id, T_I32);
        self.zigzag(i64::from(v));
    }

    fn i64(&mut self, id: i16, v: i64) {
        self.field(id, T_I64);
        self.zigzag(v);
    }

    fn binary(&mut self, id: i16, v: &[u8]) {
        self.field(id, T_BINARY);
        self.varint(v.len() as u64);
        self.out.extend_from_slice(v);
    }

    /// A list field's header: `n` elements of type `ty` follow.
    fn list(&mut self, id: i16, ty: u8, n: usize) {
        self.field(id, T_LIST);
        if n < 15 {
            self.out.push(((n as u8) << 4) | ty);
        } else {
            self.out.push(0xF0 | ty);
            self.varint(n as u64);
        }
    }

    /// A struct field: its fields follow, then [`Thrift::end`].
    fn begin(&mut self, id: i16) {
        self.field(id, T_STRUCT);
        self.last.push(0);
    }

    /// A struct element of a list: its fields follow, then [`Thrift::end`].
    fn begin_element(&mut self) {
        self.last.push(0);
    }

    fn end(&mut self) {
        self.out.push(0);
        self.last.pop();
    }

    fn elem_i32(&mut self, v: i32) {
        self.zigzag(i64::from(v));
    }

    fn elem_binary(&mut self, v: &[u8]) {
        self.varint(v.len() as u64);
        self.out.extend_from_slice(v);
    }

    /// The bytes of the top-level struct written so far, closed.
    fn finish(mut self) -> Vec<u8> {
        self.out.push(0);
        self.out
    }
}

/// The Thrift `PageHeader` of a version-1 data page of `values` values (nulls
/// included) and `size` bytes.
fn page_header(values: usize, size: usize) -> Vec<u8> {
    let mut t = Thrift::new();
    t.i32(1, 0); // type: DATA_PAGE
    t.i32(2, size as i32); // uncompressed_page_size
    t.i32(3, size as i32); // compressed_page_size
    t.begin(5); // data_page_header
    t.i32(1, values as i32);
    t.i32(2, PLAIN);
    t.i32(3, RLE); // definition_level_encoding
    t.i32(4, RLE); // repetition_level_encoding
    t.end();
    t.finish()
}

/// One column of the schema.
struct Column {
    name: &'static str,
    physical: i32,
    optional: bool,
    string: bool,
}

const COLUMNS: [Column; 4] = [
    Column { name: "draw", physical: INT64, optional: false, string: false },
    Column { name: "metric", physical: BYTE_ARRAY, optional: false, string: true },
    Column { name: "year", physical: INT32, optional: true, string: false },
    Column { name: "value", physical: DOUBLE, optional: false, string: false },
];

/// Where a column chunk is in the file.
struct ChunkMeta {
    offset: u64,
    size: u64,
    values: u64,
}

/// A written row group.
struct GroupMeta {
    rows: u64,
    chunks: Vec<ChunkMeta>,
}

/// Streams the rows of one option of a run into a Parquet file.
pub struct ParquetWriter<W: Write> {
    w: W,
    /// Bytes written.
    pos: u64,
    option: u32,
    /// This option's output names, by [`Row::metric`].
    metrics: Vec<String>,
    /// Key-value metadata written in the footer.
    meta: Vec<(String, String)>,
    group_rows: usize,
    /// Rows buffered in the current row group.
    rows: usize,
    draw: Vec<u8>,
    metric: Vec<u8>,
    /// The `year` column's definition levels, as runs of (defined, count).
    levels: Vec<(bool, u32)>,
    year: Vec<u8>,
    value: Vec<u8>,
    groups: Vec<GroupMeta>,
}

/// The file of option `option` of the run `info` records in a Hive-partitioned folder:
/// `option=NAME/part-K.parquet`, `K` the shard's number on 5 digits (so the shards of a
/// run add their files to the same folders). Characters of the name other than ASCII
/// letters, digits, `-`, `_` and `.` are written `%XX` (UTF-8 bytes), as Hive escapes
/// them; an empty name or one starting with `.` is escaped too.
pub fn partition_path(info: &RunInfo, option: u32) -> String {
    let name = info.options.get(option as usize).map_or("", |o| o.name.as_str());
    let mut escaped = String::with_capacity(name.len());
    for (i, b) in name.bytes().enumerate() {
        let plain = b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (b == b'.' && i > 0);
        if plain {
            escaped.push(b as char);
        } else {
            escaped.push_str(&format!("%{b:02X}"));
        }
    }
    if escaped.is_empty() {
        escaped.push_str("%00");
    }
    format!("option={escaped}/part-{:05}.parquet", info.shard.k)
}

impl<W: Write> ParquetWriter<W> {
    /// A writer of the outputs of option `option` (an index into the run's options) of
    /// the run `info` records; `PAR1` is written at once.
    ///
    /// # Errors
    /// The writer's error.
    pub fn outputs(info: &RunInfo, option: u32, w: W) -> io::Result<ParquetWriter<W>> {
        ParquetWriter::outputs_grouped(info, option, ROW_GROUP_ROWS, w)
    }

    /// [`ParquetWriter::outputs`] with row groups of `group_rows` rows (1 to
    /// [`MAX_GROUP_ROWS`]; values outside are taken to the nearest bound).
    ///
    /// # Errors
    /// The writer's error.
    pub fn outputs_grouped(
        info: &RunInfo,
        option: u32,
        group_rows: usize,
        mut w: W,
    ) -> io::Result<ParquetWriter<W>> {
        w.write_all(MAGIC)?;
        let opt = info.options.get(option as usize);
        let metrics = opt.map(|o| o.metrics.iter().map(|m| m.name.clone()).collect());
        let meta = vec![
            ("coherence.scenario".to_owned(), info.scenario.clone()),
            ("coherence.fingerprint".to_owned(), info.fingerprint.clone()),
            ("coherence.seed".to_owned(), info.seed.to_string()),
            ("coherence.draws".to_owned(), info.draws.to_string()),
            ("coherence.shard".to_owned(), info.shard.to_string()),
            ("coherence.option".to_owned(), opt.map(|o| o.name.clone()).unwrap_or_default()),
        ];
        Ok(ParquetWriter {
            w,
            pos: MAGIC.len() as u64,
            option,
            metrics: metrics.unwrap_or_default(),
            meta,
            group_rows: group_rows.clamp(1, MAX_GROUP_ROWS),
            rows: 0,
            draw: Vec::new(),
            metric: Vec::new(),
            levels: Vec::new(),
            year: Vec::new(),
            value: Vec::new(),
            groups: Vec::new(),
        })
    }

    /// Adds the rows of this writer's option among `rows` (the next ones in draw
    /// order; rows of other options are skipped).
    ///
    /// # Errors
    /// The writer's error.
    pub fn push(&mut self, rows: &[Row]) -> io::Result<()> {
        let option = self.option;
        for r in rows.iter().filter(|r| r.option == option) {
            self.draw.extend_from_slice(&(r.draw as i64).to_le_bytes());
            let name = self.metrics.get(r.metric as usize).map_or("", String::as_str);
            self.metric.extend_from_slice(&(name.len() as u32).to_le_bytes());
            self.metric.extend_from_slice(name.as_bytes());
            let defined = r.year.is_some();
            match self.levels.last_mut() {
                Some((d, n)) if *d == defined => *n += 1,
                _ => self.levels.push((defined, 1)),
            }
            if let Some(y) = r.year {
                self.year.extend_from_slice(&(y as i32).to_le_bytes());
            }
            self.value.extend_from_slice(&r.value.to_le_bytes());
            self.rows += 1;
            if self.rows == self.group_rows {
                self.write_group()?;
            }
        }
        Ok(())
    }

    /// The `year` column's definition levels: their length, then RLE runs.
    fn levels_bytes(&self) -> Vec<u8> {
        let mut t = Thrift::new();
        for &(defined, n) in &self.levels {
            t.varint(u64::from(n) << 1);
            t.out.push(u8::from(defined));
        }
        let mut out = (t.out.len() as u32).to_le_bytes().to_vec();
        out.extend_from_slice(&t.out);
        out
    }

    /// Writes the buffered rows as a row group.
    fn write_group(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut year = self.levels_bytes();
        year.extend_from_slice(&self.year);
        let bodies = [
            std::mem::take(&mut self.draw),
            std::mem::take(&mut self.metric),
            year,
            std::mem::take(&mut self.value),
        ];
        let mut chunks = Vec::with_capacity(bodies.len());
        for body in &bodies {
            let header = page_header(self.rows, body.len());
            let offset = self.pos;
            self.w.write_all(&header)?;
            self.w.write_all(body)?;
            let size = (header.len() + body.len()) as u64;
            self.pos += size;
            chunks.push(ChunkMeta { offset, size, values: self.rows as u64 });
        }
        self.groups.push(GroupMeta { rows: self.rows as u64, chunks });
        // Keep the allocations for the next group.
        let [draw, metric, _, value] = bodies;
        (self.draw, self.metric, self.value) = (draw, metric, value);
        self.draw.clear();
        self.metric.clear();
        self.value.clear();
        self.year.clear();
        self.levels.clear();
        self.rows = 0;
        Ok(())
    }

    /// Writes the last row group and the footer; returns the writer.
    ///
    /// # Errors
    /// The writer's error.
    pub fn finish(mut self) -> io::Result<W> {
        self.write_group()?;
        let meta = self.file_metadata();
        self.w.write_all(&meta)?;
        self.w.write_all(&(meta.len() as u32).to_le_bytes())?;
        self.w.write_all(MAGIC)?;
        self.w.flush()?;
        Ok(self.w)
    }

    /// The Thrift `FileMetaData`.
    fn file_metadata(&self) -> Vec<u8> {
        let mut t = Thrift::new();
        t.i32(1, 1); // version
        t.list(2, T_STRUCT, COLUMNS.len() + 1); // schema
        t.begin_element();
        t.binary(4, b"schema");
        t.i32(5, COLUMNS.len() as i32);
        t.end();
        for c in &COLUMNS {
            t.begin_element();
            t.i32(1, c.physical);
            t.i32(3, if c.optional { OPTIONAL } else { REQUIRED });
            t.binary(4, c.name.as_bytes());
            if c.string {
                t.i32(6, UTF8);
                t.begin(10); // logicalType: a union, STRING = field 1 (an empty struct)
                t.begin(1);
                t.end();
                t.end();
            }
            t.end();
        }
        let rows: u64 = self.groups.iter().map(|g| g.rows).sum();
        t.i64(3, rows as i64);
        t.list(4, T_STRUCT, self.groups.len()); // row_groups
        for g in &self.groups {
            t.begin_element();
            t.list(1, T_STRUCT, g.chunks.len());
            for (c, chunk) in COLUMNS.iter().zip(&g.chunks) {
                column_chunk(&mut t, c, chunk);
            }
            let size: u64 = g.chunks.iter().map(|c| c.size).sum();
            t.i64(2, size as i64); // total_byte_size
            t.i64(3, g.rows as i64);
            t.i64(5, g.chunks.first().map_or(0, |c| c.offset) as i64); // file_offset
            t.i64(6, size as i64); // total_compressed_size
            t.end();
        }
        t.list(5, T_STRUCT, self.meta.len()); // key_value_metadata
        for (k, v) in &self.meta {
            t.begin_element();
            t.binary(1, k.as_bytes());
            t.binary(2, v.as_bytes());
            t.end();
        }
        t.binary(6, b"coherence (montecarlo::parquet)");
        t.finish()
    }
}

/// A `ColumnChunk` with its `ColumnMetaData`.
fn column_chunk(t: &mut Thrift, c: &Column, chunk: &ChunkMeta) {
    t.begin_element();
    t.i64(2, chunk.offset as i64); // file_offset
    t.begin(3); // meta_data
    t.i32(1, c.physical);
    t.list(2, T_I32, 2); // encodings
    t.elem_i32(PLAIN);
    t.elem_i32(RLE);
    t.list(3, T_BINARY, 1); // path_in_schema
    t.elem_binary(c.name.as_bytes());
    t.i32(4, 0); // codec: UNCOMPRESSED
    t.i64(5, chunk.values as i64);
    t.i64(6, chunk.size as i64);
    t.i64(7, chunk.size as i64);
    t.i64(9, chunk.offset as i64); // data_page_offset
    t.end();
    t.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact protocol's field headers, lists and integers, against bytes worked
    /// out by hand from the Thrift specification.
    #[test]
    fn thrift_compact_encoding() {
        let mut t = Thrift::new();
        t.i32(1, 0); // delta 1, type 5; zigzag(0) = 0
        t.i32(2, -1); // zigzag(-1) = 1
        t.i64(20, 300); // delta 18 > 15: type byte, then zigzag(20) = 40; zigzag(300) = 600
        t.list(21, T_I32, 2);
        t.elem_i32(3);
        t.elem_i32(64); // zigzag(64) = 128 = 0x80 0x01
        t.begin(22);
        t.binary(1, b"ab");
        t.end();
        let bytes = t.finish();
        assert_eq!(
            bytes,
            [
                0x15, 0x00, 0x15, 0x01, 0x06, 0x28, 0xD8, 0x04, 0x19, 0x25, 0x06, 0x80, 0x01, 0x1C,
                0x18, 0x02, b'a', b'b', 0x00, 0x00
            ]
        );
        let mut long = Thrift::new();
        long.list(1, T_BINARY, 20);
        assert_eq!(long.out, [0x19, 0xF8, 20]);
    }

    #[test]
    fn definition_levels_are_rle_runs() {
        let info = crate::engine::RunInfo {
            scenario: String::new(),
            description: String::new(),
            file: String::new(),
            baseline: crate::model::Baseline::default(),
            fingerprint: String::new(),
            seed: 1,
            draws: 1,
            shard: crate::engine::Shard::FULL,
            options: Vec::new(),
            calibration: None,
        };
        let mut w = ParquetWriter::outputs(&info, 0, Vec::new()).unwrap();
        let row = |year| Row { draw: 0, option: 0, metric: 0, year, value: 1.0 };
        w.push(&[row(None), row(Some(0)), row(Some(1)), row(Some(2)), row(None)]).unwrap();
        // Length 6, then runs (1 × 0), (3 × 1), (1 × 0): header count << 1, value byte.
        assert_eq!(w.levels_bytes(), [6, 0, 0, 0, 2, 0, 6, 1, 2, 0]);
    }
}

//! A minimal Arrow IPC *file* writer and reader for the draws table.
//!
//! Written from the Arrow columnar format specification (version 1.x, metadata V5):
//! <https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format>, with the
//! flatbuffers of `Schema.fbs`, `Message.fbs` and `File.fbs` encoded by hand. The file
//! holds one schema and record batches of at most [`BATCH_ROWS`] rows:
//!
//! | column   | Arrow type      | nullable |
//! |----------|-----------------|----------|
//! | `draw`   | UInt64          | no       |
//! | `option` | Dictionary(Int32 → Utf8), id 0 | no |
//! | `metric` | Dictionary(Int32 → Utf8), id 1 | no |
//! | `year`   | Int32           | yes (null for a scalar output) |
//! | `value`  | Float64         | no       |
//!
//! The option and output names are dictionary-encoded (each name stored once, rows hold
//! 32-bit indices). Layout: `ARROW1\0\0`, the schema message, the two dictionary
//! batches (option names; output names in first-seen order), one message per record
//! batch, the end-of-stream marker, the footer (schema, the dictionaries' and batches'
//! blocks), the footer's length and `ARROW1`. Messages are the encapsulated form (continuation marker
//! `0xFFFFFFFF`, metadata length, flatbuffer padded to 8 bytes, body); body buffers are
//! padded to 8 bytes; integers are little-endian. Any Arrow implementation reads it
//! (the test suite checks with pyarrow when it is installed).
//!
//! The reader reads files of this layout only (it is what `merge` needs), checking
//! bounds and the schema, and reports anything else as an [`ArrowError`].

use std::io::{self, Write};

use crate::engine::{Row, RunInfo};

/// Rows per record batch (keeps each string column's 32-bit offsets small).
pub const BATCH_ROWS: usize = 1 << 20;

const MAGIC: &[u8; 6] = b"ARROW1";
const CONTINUATION: u32 = 0xFFFF_FFFF;
/// `MetadataVersion.V5`.
const V5: i16 = 4;

// Type union ids (Schema.fbs).
const TYPE_INT: u8 = 2;
const TYPE_FLOAT: u8 = 3;
const TYPE_UTF8: u8 = 5;
// MessageHeader union ids (Message.fbs).
const HEADER_SCHEMA: u8 = 1;
const HEADER_DICTIONARY_BATCH: u8 = 2;
const HEADER_RECORD_BATCH: u8 = 3;
/// Dictionary ids of the `option` and `metric` columns.
const OPTION_DICT: i64 = 0;
const METRIC_DICT: i64 = 1;

// ---------------------------------------------------------------------------------
// Flatbuffer writing: objects are laid out front to back; every reference points
// forward (uoffset), vtables precede their tables (positive soffset).

/// A field value of a flatbuffer table.
enum Fv {
    U8(u8),
    Bool(bool),
    I16(i16),
    I32(i32),
    I64(i64),
    Str(String),
    Table(Table),
    Tables(Vec<Table>),
    /// A vector of structs: raw little-endian bytes, element count, alignment.
    Structs(Vec<u8>, usize, usize),
}

/// A flatbuffer table: field `i` is slot `i` (absent fields take their default).
struct Table(Vec<Option<Fv>>);

impl Fv {
    fn inline_size(&self) -> usize {
        match self {
            Fv::U8(_) | Fv::Bool(_) => 1,
            Fv::I16(_) => 2,
            Fv::I32(_) => 4,
            Fv::I64(_) => 8,
            _ => 4,
        }
    }
}

struct Fb {
    buf: Vec<u8>,
}

impl Fb {
    fn pad_to(&mut self, align: usize) {
        while !self.buf.len().is_multiple_of(align) {
            self.buf.push(0);
        }
    }

    fn patch_u32(&mut self, at: usize, v: u32) {
        self.buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    /// Writes `root` as a complete flatbuffer.
    fn finish(root: &Table) -> Vec<u8> {
        let mut fb = Fb { buf: vec![0; 4] };
        let pos = fb.table(root);
        fb.patch_u32(0, pos as u32);
        fb.pad_to(8);
        fb.buf
    }

    fn table(&mut self, t: &Table) -> usize {
        // Inline layout after the 4-byte soffset, each field aligned to its size.
        let mut offsets = vec![0u16; t.0.len()];
        let mut size = 4usize;
        for (i, f) in t.0.iter().enumerate() {
            if let Some(f) = f {
                let s = f.inline_size();
                size = size.next_multiple_of(s);
                offsets[i] = size as u16;
                size += s;
            }
        }
        let size = size.next_multiple_of(4);
        // The vtable.
        self.pad_to(2);
        let vtable = self.buf.len();
        self.buf.extend_from_slice(&((4 + 2 * offsets.len()) as u16).to_le_bytes());
        self.buf.extend_from_slice(&(size as u16).to_le_bytes());
        for o in &offsets {
            self.buf.extend_from_slice(&o.to_le_bytes());
        }
        // The table, 8-aligned so that 8-byte fields are aligned in the buffer.
        self.pad_to(8);
        let start = self.buf.len();
        self.buf.resize(start + size, 0);
        self.buf[start..start + 4].copy_from_slice(&((start - vtable) as i32).to_le_bytes());
        let mut refs = Vec::new();
        for (i, f) in t.0.iter().enumerate() {
            let Some(f) = f else { continue };
            let at = start + offsets[i] as usize;
            match f {
                Fv::U8(v) => self.buf[at] = *v,
                Fv::Bool(v) => self.buf[at] = u8::from(*v),
                Fv::I16(v) => self.buf[at..at + 2].copy_from_slice(&v.to_le_bytes()),
                Fv::I32(v) => self.buf[at..at + 4].copy_from_slice(&v.to_le_bytes()),
                Fv::I64(v) => self.buf[at..at + 8].copy_from_slice(&v.to_le_bytes()),
                _ => refs.push((at, f)),
            }
        }
        for (at, f) in refs {
            let target = match f {
                Fv::Str(s) => {
                    self.pad_to(4);
                    let p = self.buf.len();
                    self.buf.extend_from_slice(&(s.len() as u32).to_le_bytes());
                    self.buf.extend_from_slice(s.as_bytes());
                    self.buf.push(0);
                    p
                }
                Fv::Table(t) => self.table(t),
                Fv::Tables(ts) => {
                    self.pad_to(4);
                    let p = self.buf.len();
                    self.buf.extend_from_slice(&(ts.len() as u32).to_le_bytes());
                    let slots = self.buf.len();
                    self.buf.resize(slots + 4 * ts.len(), 0);
                    for (j, t) in ts.iter().enumerate() {
                        let tp = self.table(t);
                        let slot = slots + 4 * j;
                        self.patch_u32(slot, (tp - slot) as u32);
                    }
                    p
                }
                Fv::Structs(bytes, n, align) => {
                    // The length sits just before the first element, which is aligned.
                    while !(self.buf.len() + 4).is_multiple_of(*align) {
                        self.buf.push(0);
                    }
                    let p = self.buf.len();
                    self.buf.extend_from_slice(&(*n as u32).to_le_bytes());
                    self.buf.extend_from_slice(bytes);
                    p
                }
                _ => unreachable!("scalars are inline"),
            };
            self.patch_u32(at, (target - at) as u32);
        }
        start
    }
}

fn field(name: &str, nullable: bool, type_id: u8, ty: Table, dictionary: Option<i64>) -> Table {
    // DictionaryEncoding { id, indexType: Int { 32, signed }, isOrdered: false }.
    let dictionary = dictionary.map(|id| {
        Fv::Table(Table(vec![
            Some(Fv::I64(id)),
            Some(Fv::Table(Table(vec![Some(Fv::I32(32)), Some(Fv::Bool(true))]))),
            Some(Fv::Bool(false)),
        ]))
    });
    Table(vec![
        Some(Fv::Str(name.to_owned())),
        Some(Fv::Bool(nullable)),
        Some(Fv::U8(type_id)),
        Some(Fv::Table(ty)),
        dictionary,
        Some(Fv::Tables(Vec::new())),
    ])
}

/// Which table a file holds: the outputs (with a `year` column) or the parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `draw, option, metric, year, value`.
    Outputs,
    /// `draw, option, parameter, value`.
    Parameters,
}

impl Kind {
    fn name_column(self) -> &'static str {
        match self {
            Kind::Outputs => "metric",
            Kind::Parameters => "parameter",
        }
    }

    /// The names of the second dictionary, per option.
    fn names(self, info: &RunInfo) -> Vec<Vec<&str>> {
        info.options
            .iter()
            .map(|o| match self {
                Kind::Outputs => o.metrics.iter().map(|m| m.name.as_str()).collect(),
                Kind::Parameters => o.parameters.iter().map(|p| p.name.as_str()).collect(),
            })
            .collect()
    }

    /// The columns: name, type, dictionary id.
    fn columns(self) -> Vec<(&'static str, u8, Option<i64>)> {
        let mut c = vec![
            ("draw", TYPE_INT, None),
            ("option", TYPE_UTF8, Some(OPTION_DICT)),
            (self.name_column(), TYPE_UTF8, Some(METRIC_DICT)),
        ];
        if self == Kind::Outputs {
            c.push(("year", TYPE_INT, None));
        }
        c.push(("value", TYPE_FLOAT, None));
        c
    }
}

fn schema(kind: Kind) -> Table {
    let int = |bits: i32, signed: bool| Table(vec![Some(Fv::I32(bits)), Some(Fv::Bool(signed))]);
    let fields = kind
        .columns()
        .into_iter()
        .map(|(name, ty, dict)| match name {
            "draw" => field(name, false, ty, int(64, false), None),
            "year" => field(name, true, ty, int(32, true), None),
            "value" => field(name, false, ty, Table(vec![Some(Fv::I16(2))]), None),
            _ => field(name, false, ty, Table(vec![]), dict),
        })
        .collect();
    Table(vec![Some(Fv::I16(0)), Some(Fv::Tables(fields))])
}

fn message(header_type: u8, header: Table, body_length: usize) -> Vec<u8> {
    Fb::finish(&Table(vec![
        Some(Fv::I16(V5)),
        Some(Fv::U8(header_type)),
        Some(Fv::Table(header)),
        Some(Fv::I64(body_length as i64)),
    ]))
}

/// A message block (File.fbs `Block`): offset, metadata length, body length.
struct Block {
    offset: u64,
    meta: u32,
    body: u64,
}

/// Writes an encapsulated message; returns its block.
fn write_message(w: &mut Counting<impl Write>, meta: &[u8], body: &[u8]) -> io::Result<Block> {
    let offset = w.count;
    w.write_all(&CONTINUATION.to_le_bytes())?;
    w.write_all(&(meta.len() as u32).to_le_bytes())?;
    w.write_all(meta)?;
    w.write_all(body)?;
    Ok(Block { offset, meta: 8 + meta.len() as u32, body: body.len() as u64 })
}

struct Counting<W> {
    inner: W,
    count: u64,
}

impl<W: Write> Counting<W> {
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        self.inner.write_all(b)?;
        self.count += b.len() as u64;
        Ok(())
    }
}

/// A record batch body being assembled: buffers padded to 8 bytes.
struct Body {
    bytes: Vec<u8>,
    buffers: Vec<(u64, u64)>,
}

impl Body {
    fn push(&mut self, data: &[u8]) {
        let offset = self.bytes.len() as u64;
        self.bytes.extend_from_slice(data);
        self.buffers.push((offset, data.len() as u64));
        while !self.bytes.len().is_multiple_of(8) {
            self.bytes.push(0);
        }
    }

    fn utf8<'a>(&mut self, values: impl Iterator<Item = &'a str>) {
        let mut offsets = vec![0u8; 4];
        let mut data = Vec::new();
        for v in values {
            data.extend_from_slice(v.as_bytes());
            offsets.extend_from_slice(&(data.len() as i32).to_le_bytes());
        }
        self.push(&[]);
        self.push(&offsets);
        self.push(&data);
    }
}

/// The record batch header for `n` rows with `nodes` (raw FieldNode structs) and the
/// body's buffers.
fn record_batch(n: usize, nodes: Vec<u8>, nnodes: usize, body: &Body) -> Table {
    let buffers: Vec<u8> = body
        .buffers
        .iter()
        .flat_map(|(o, l)| o.to_le_bytes().into_iter().chain(l.to_le_bytes()))
        .collect();
    Table(vec![
        Some(Fv::I64(n as i64)),
        Some(Fv::Structs(nodes, nnodes, 8)),
        Some(Fv::Structs(buffers, body.buffers.len(), 8)),
    ])
}

fn node(nodes: &mut Vec<u8>, n: usize, nulls: usize) {
    nodes.extend_from_slice(&(n as i64).to_le_bytes());
    nodes.extend_from_slice(&(nulls as i64).to_le_bytes());
}

/// Writes a dictionary batch of `names` under dictionary `id`.
fn write_dictionary(w: &mut Counting<impl Write>, id: i64, names: &[&str]) -> io::Result<Block> {
    let mut body = Body { bytes: Vec::new(), buffers: Vec::new() };
    body.utf8(names.iter().copied());
    let mut nodes = Vec::new();
    node(&mut nodes, names.len(), 0);
    let header =
        Table(vec![Some(Fv::I64(id)), Some(Fv::Table(record_batch(names.len(), nodes, 1, &body)))]);
    write_message(w, &message(HEADER_DICTIONARY_BATCH, header, body.bytes.len()), &body.bytes)
}

/// Writes `rows` (described by `info`) as an Arrow IPC file, in record batches of
/// [`BATCH_ROWS`] rows.
///
/// # Errors
/// The writer's.
pub fn write_arrow(info: &RunInfo, rows: &[Row], w: impl Write) -> io::Result<()> {
    write_arrow_batched(info, rows, BATCH_ROWS, w)
}

/// As [`write_arrow`], with record batches of at most `batch_rows` rows (≥ 1).
///
/// # Errors
/// The writer's.
pub fn write_arrow_batched(
    info: &RunInfo,
    rows: &[Row],
    batch_rows: usize,
    w: impl Write,
) -> io::Result<()> {
    let mut writer = ArrowWriter::new(Kind::Outputs, info, batch_rows, w)?;
    writer.push(rows)?;
    writer.finish()?;
    Ok(())
}

/// Writes the drawn parameter values ([`crate::engine::Ensemble::params`]) as an Arrow
/// IPC file with columns `draw` (UInt64), `option` and `parameter` (dictionary-encoded
/// Utf8) and `value` (Float64).
///
/// # Errors
/// The writer's.
pub fn write_parameters_arrow(info: &RunInfo, params: &[Row], w: impl Write) -> io::Result<()> {
    let mut writer = ArrowWriter::parameters(info, w)?;
    writer.push(params)?;
    writer.finish()?;
    Ok(())
}

/// An Arrow IPC file written as its rows arrive: rows are held until a record batch of
/// [`BATCH_ROWS`] rows is full (at most `32 · BATCH_ROWS` bytes), then written. The
/// bytes are those of [`write_arrow`] (or [`write_parameters_arrow`]) over all the
/// rows pushed, in however many pieces they came.
pub struct ArrowWriter<W: Write> {
    w: Counting<W>,
    kind: Kind,
    /// `metric_index[option][name]`: the index into the names' dictionary.
    metric_index: Vec<Vec<i32>>,
    dictionaries: [Block; 2],
    blocks: Vec<Block>,
    pending: Vec<Row>,
    batch_rows: usize,
}

impl<W: Write> ArrowWriter<W> {
    /// Starts the outputs table of `info` (as [`write_arrow`]): writes the header, the
    /// schema and the dictionaries.
    ///
    /// # Errors
    /// The writer's.
    pub fn outputs(info: &RunInfo, w: W) -> io::Result<ArrowWriter<W>> {
        ArrowWriter::new(Kind::Outputs, info, BATCH_ROWS, w)
    }

    /// As [`ArrowWriter::outputs`], with record batches of at most `batch_rows` rows
    /// (≥ 1), as [`write_arrow_batched`].
    ///
    /// # Errors
    /// The writer's.
    pub fn outputs_batched(info: &RunInfo, batch_rows: usize, w: W) -> io::Result<ArrowWriter<W>> {
        ArrowWriter::new(Kind::Outputs, info, batch_rows, w)
    }

    /// Starts the parameters table of `info` (as [`write_parameters_arrow`]).
    ///
    /// # Errors
    /// The writer's.
    pub fn parameters(info: &RunInfo, w: W) -> io::Result<ArrowWriter<W>> {
        ArrowWriter::new(Kind::Parameters, info, BATCH_ROWS, w)
    }

    fn new(kind: Kind, info: &RunInfo, batch_rows: usize, w: W) -> io::Result<ArrowWriter<W>> {
        let mut w = Counting { inner: w, count: 0 };
        w.write_all(MAGIC)?;
        w.write_all(&[0, 0])?;
        write_message(&mut w, &message(HEADER_SCHEMA, schema(kind), 0), &[])?;
        // Dictionaries: option names; output (or parameter) names across options in
        // first-seen order, with each (option, name) pair's index into it.
        let options: Vec<&str> = info.options.iter().map(|o| o.name.as_str()).collect();
        let mut metrics: Vec<&str> = Vec::new();
        let metric_index: Vec<Vec<i32>> = kind
            .names(info)
            .into_iter()
            .map(|names| {
                names
                    .into_iter()
                    .map(|m| match metrics.iter().position(|x| *x == m) {
                        Some(i) => i as i32,
                        None => {
                            metrics.push(m);
                            (metrics.len() - 1) as i32
                        }
                    })
                    .collect()
            })
            .collect();
        let dictionaries = [
            write_dictionary(&mut w, OPTION_DICT, &options)?,
            write_dictionary(&mut w, METRIC_DICT, &metrics)?,
        ];
        let batch_rows = batch_rows.max(1);
        Ok(ArrowWriter {
            w,
            kind,
            metric_index,
            dictionaries,
            blocks: Vec::new(),
            pending: Vec::with_capacity(batch_rows.min(1 << 16)),
            batch_rows,
        })
    }

    /// Adds rows (the next ones in the table's order), writing every batch that fills.
    ///
    /// # Errors
    /// The writer's.
    pub fn push(&mut self, mut rows: &[Row]) -> io::Result<()> {
        while !rows.is_empty() {
            let room = self.batch_rows - self.pending.len();
            let (now, later) = rows.split_at(room.min(rows.len()));
            self.pending.extend_from_slice(now);
            rows = later;
            if self.pending.len() == self.batch_rows {
                self.flush_batch()?;
            }
        }
        Ok(())
    }

    /// Writes the pending rows as one record batch.
    fn flush_batch(&mut self) -> io::Result<()> {
        let batch = std::mem::take(&mut self.pending);
        let n = batch.len();
        let mut body = Body { bytes: Vec::new(), buffers: Vec::new() };
        let mut nodes = Vec::new();
        // draw
        node(&mut nodes, n, 0);
        body.push(&[]);
        body.push(&batch.iter().flat_map(|r| r.draw.to_le_bytes()).collect::<Vec<u8>>());
        // option, metric: dictionary indices
        node(&mut nodes, n, 0);
        body.push(&[]);
        body.push(&batch.iter().flat_map(|r| (r.option as i32).to_le_bytes()).collect::<Vec<u8>>());
        node(&mut nodes, n, 0);
        body.push(&[]);
        body.push(
            &batch
                .iter()
                .flat_map(|r| self.metric_index[r.option as usize][r.metric as usize].to_le_bytes())
                .collect::<Vec<u8>>(),
        );
        // year, with a validity bitmap when any is null
        if self.kind == Kind::Outputs {
            let nulls = batch.iter().filter(|r| r.year.is_none()).count();
            node(&mut nodes, n, nulls);
            if nulls == 0 {
                body.push(&[]);
            } else {
                let mut bits = vec![0u8; n.div_ceil(8)];
                for (i, r) in batch.iter().enumerate() {
                    if r.year.is_some() {
                        bits[i / 8] |= 1 << (i % 8);
                    }
                }
                body.push(&bits);
            }
            body.push(
                &batch
                    .iter()
                    .flat_map(|r| (r.year.unwrap_or(0) as i32).to_le_bytes())
                    .collect::<Vec<u8>>(),
            );
        }
        // value
        node(&mut nodes, n, 0);
        body.push(&[]);
        body.push(&batch.iter().flat_map(|r| r.value.to_le_bytes()).collect::<Vec<u8>>());

        let ncols = self.kind.columns().len();
        let meta =
            message(HEADER_RECORD_BATCH, record_batch(n, nodes, ncols, &body), body.bytes.len());
        let block = write_message(&mut self.w, &meta, &body.bytes)?;
        self.blocks.push(block);
        self.pending = batch;
        self.pending.clear();
        Ok(())
    }

    /// Writes the last batch, the end-of-stream marker and the footer, and returns the
    /// writer.
    ///
    /// # Errors
    /// The writer's.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.pending.is_empty() {
            self.flush_batch()?;
        }
        // End of stream.
        self.w.write_all(&CONTINUATION.to_le_bytes())?;
        self.w.write_all(&0u32.to_le_bytes())?;
        let block_bytes = |blocks: &[Block]| -> Vec<u8> {
            blocks
                .iter()
                .flat_map(|b| {
                    let mut v = Vec::with_capacity(24);
                    v.extend_from_slice(&b.offset.to_le_bytes());
                    v.extend_from_slice(&b.meta.to_le_bytes());
                    v.extend_from_slice(&[0; 4]);
                    v.extend_from_slice(&b.body.to_le_bytes());
                    v
                })
                .collect()
        };
        let footer = Fb::finish(&Table(vec![
            Some(Fv::I16(V5)),
            Some(Fv::Table(schema(self.kind))),
            Some(Fv::Structs(block_bytes(&self.dictionaries), self.dictionaries.len(), 8)),
            Some(Fv::Structs(block_bytes(&self.blocks), self.blocks.len(), 8)),
        ]));
        self.w.write_all(&footer)?;
        self.w.write_all(&(footer.len() as u32).to_le_bytes())?;
        self.w.write_all(MAGIC)?;
        Ok(self.w.inner)
    }
}

// ---------------------------------------------------------------------------------
// Reading.

/// An Arrow file that is not a draws table written by [`write_arrow`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("Arrow file: {0}")]
pub struct ArrowError(pub String);

fn bad<T>(what: impl Into<String>) -> Result<T, ArrowError> {
    Err(ArrowError(what.into()))
}

fn slice(buf: &[u8], at: usize, len: usize) -> Result<&[u8], ArrowError> {
    at.checked_add(len)
        .and_then(|end| buf.get(at..end))
        .map_or_else(|| bad("truncated or corrupt"), Ok)
}

fn u32_at(buf: &[u8], at: usize) -> Result<u32, ArrowError> {
    Ok(u32::from_le_bytes(slice(buf, at, 4)?.try_into().expect("4 bytes")))
}

fn i64_at(buf: &[u8], at: usize) -> Result<i64, ArrowError> {
    Ok(i64::from_le_bytes(slice(buf, at, 8)?.try_into().expect("8 bytes")))
}

/// A flatbuffer table being read.
#[derive(Clone, Copy)]
struct T<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> T<'a> {
    fn root(buf: &'a [u8]) -> Result<T<'a>, ArrowError> {
        Ok(T { buf, pos: u32_at(buf, 0)? as usize })
    }

    /// Absolute position of field `slot`, if present.
    fn field(&self, slot: usize) -> Result<Option<usize>, ArrowError> {
        let soff = u32_at(self.buf, self.pos)? as i32;
        let vt = (self.pos as i64 - i64::from(soff)) as usize;
        let vsize = u16::from_le_bytes(slice(self.buf, vt, 2)?.try_into().expect("2"));
        let entry = 4 + 2 * slot;
        if entry + 2 > vsize as usize {
            return Ok(None);
        }
        let off = u16::from_le_bytes(slice(self.buf, vt + entry, 2)?.try_into().expect("2"));
        Ok((off != 0).then_some(self.pos + off as usize))
    }

    fn scalar<const N: usize>(&self, slot: usize) -> Result<Option<[u8; N]>, ArrowError> {
        match self.field(slot)? {
            Some(at) => Ok(Some(slice(self.buf, at, N)?.try_into().expect("N bytes"))),
            None => Ok(None),
        }
    }

    fn reference(&self, slot: usize) -> Result<Option<usize>, ArrowError> {
        match self.field(slot)? {
            Some(at) => Ok(Some(at + u32_at(self.buf, at)? as usize)),
            None => Ok(None),
        }
    }

    fn table(&self, slot: usize) -> Result<T<'a>, ArrowError> {
        match self.reference(slot)? {
            Some(pos) => Ok(T { buf: self.buf, pos }),
            None => bad(format!("missing table in field {slot}")),
        }
    }

    /// A vector: position of its first element and its length.
    fn vector(&self, slot: usize) -> Result<(usize, usize), ArrowError> {
        match self.reference(slot)? {
            Some(p) => Ok((p + 4, u32_at(self.buf, p)? as usize)),
            None => Ok((0, 0)),
        }
    }

    fn string(&self, slot: usize) -> Result<String, ArrowError> {
        let (at, len) = self.vector(slot)?;
        String::from_utf8(slice(self.buf, at, len)?.to_vec())
            .or_else(|_| bad("a name is not UTF-8"))
    }

    fn tables(&self, slot: usize) -> Result<Vec<T<'a>>, ArrowError> {
        let (at, len) = self.vector(slot)?;
        (0..len)
            .map(|i| {
                Ok(T { buf: self.buf, pos: at + 4 * i + u32_at(self.buf, at + 4 * i)? as usize })
            })
            .collect()
    }
}

/// Checks that `schema` is the schema of `kind`.
fn check_schema(schema: T<'_>, kind: Kind) -> Result<(), ArrowError> {
    let fields = schema.tables(1)?;
    let expected = kind.columns();
    if fields.len() != expected.len() {
        return bad(format!("{} columns, expected {}", fields.len(), expected.len()));
    }
    for (f, (name, ty, dict)) in fields.iter().zip(expected) {
        let got = f.string(0)?;
        let got_ty = f.scalar::<1>(2)?.map_or(0, |b| b[0]);
        let got_dict = match f.reference(4)? {
            Some(pos) => Some(T { buf: f.buf, pos }.scalar::<8>(0)?.map_or(0, i64::from_le_bytes)),
            None => None,
        };
        if got != name || got_ty != ty || got_dict != dict {
            return bad(format!(
                "column \"{got}\" (type {got_ty}) where \"{name}\" (type {ty}) was expected"
            ));
        }
    }
    Ok(())
}

/// A message of the file at the footer's block `at`: its header table and its body.
fn block<'a>(
    bytes: &'a [u8],
    footer: &'a [u8],
    at: usize,
) -> Result<(T<'a>, &'a [u8], u8), ArrowError> {
    let offset = usize::try_from(i64_at(footer, at)?).or_else(|_| bad("negative block offset"))?;
    let meta_len = u32_at(footer, at + 8)? as usize;
    let body_len =
        usize::try_from(i64_at(footer, at + 16)?).or_else(|_| bad("negative body length"))?;
    if u32_at(bytes, offset)? != CONTINUATION {
        return bad("a block does not start with a message");
    }
    let meta = slice(bytes, offset + 8, meta_len.saturating_sub(8))?;
    let body = slice(bytes, offset.saturating_add(meta_len), body_len)?;
    let msg = T::root(meta)?;
    let kind = msg.scalar::<1>(1)?.map_or(0, |x| x[0]);
    Ok((msg.table(2)?, body, kind))
}

/// The columns of a record batch: row count and a buffer accessor.
struct Batch<'a> {
    n: usize,
    rb: T<'a>,
    buf_at: usize,
    nbuf: usize,
    body: &'a [u8],
}

impl<'a> Batch<'a> {
    fn new(rb: T<'a>, body: &'a [u8]) -> Result<Batch<'a>, ArrowError> {
        if rb.field(3)?.is_some() {
            return bad("compressed record batches are not supported");
        }
        let n = usize::try_from(rb.scalar::<8>(0)?.map_or(0, i64::from_le_bytes))
            .or_else(|_| bad("negative length"))?;
        // Every row takes at least 8 bytes of body (the draw column).
        if n > body.len() / 4 + 1 {
            return bad(format!("{n} rows in a body of {} bytes", body.len()));
        }
        let (buf_at, nbuf) = rb.vector(2)?;
        Ok(Batch { n, rb, buf_at, nbuf, body })
    }

    fn buffer(&self, i: usize) -> Result<&'a [u8], ArrowError> {
        if i >= self.nbuf {
            return bad(format!("buffer {i} missing ({} in the batch)", self.nbuf));
        }
        let meta = self.rb.buf;
        let o = usize::try_from(i64_at(meta, self.buf_at + 16 * i)?)
            .or_else(|_| bad("negative offset"))?;
        let l = usize::try_from(i64_at(meta, self.buf_at + 16 * i + 8)?)
            .or_else(|_| bad("negative length"))?;
        slice(self.body, o, l)
    }

    /// Buffer `i` holding at least `n` values of `width` bytes.
    fn fixed(&self, i: usize, width: usize) -> Result<&'a [u8], ArrowError> {
        let b = self.buffer(i)?;
        if b.len() < self.n * width { bad("a column is shorter than its batch") } else { Ok(b) }
    }

    /// A Utf8 column whose offsets are buffer `i` and data buffer `i + 1`.
    fn strings(&self, i: usize) -> Result<Vec<String>, ArrowError> {
        let offs = self.buffer(i)?;
        let data = self.buffer(i + 1)?;
        if offs.len() < 4 * (self.n + 1) {
            return bad("string offsets are shorter than their batch");
        }
        let off =
            |j: usize| i32::from_le_bytes(offs[4 * j..4 * j + 4].try_into().expect("4")) as usize;
        (0..self.n)
            .map(|j| {
                let s = data
                    .get(off(j)..off(j + 1))
                    .map_or_else(|| bad("string offsets out of range"), Ok)?;
                String::from_utf8(s.to_vec()).or_else(|_| bad("a string is not UTF-8"))
            })
            .collect()
    }
}

fn i32s(b: &[u8], i: usize) -> i32 {
    i32::from_le_bytes(b[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

/// Reads the rows of an Arrow IPC file written by [`write_arrow`], mapping option and
/// output names to the indices of `info` (from the run's manifest).
///
/// # Errors
/// An [`ArrowError`]: not an Arrow file, another schema, a name `info` does not know, or
/// corrupt bytes.
pub fn read_arrow(info: &RunInfo, bytes: &[u8]) -> Result<Vec<Row>, ArrowError> {
    read_table(Kind::Outputs, info, bytes)
}

/// Reads the parameter values of a file written by [`write_parameters_arrow`].
///
/// # Errors
/// As [`read_arrow`].
pub fn read_parameters_arrow(info: &RunInfo, bytes: &[u8]) -> Result<Vec<Row>, ArrowError> {
    read_table(Kind::Parameters, info, bytes)
}

fn read_table(kind: Kind, info: &RunInfo, bytes: &[u8]) -> Result<Vec<Row>, ArrowError> {
    if bytes.len() < 16 || &bytes[..6] != MAGIC || &bytes[bytes.len() - 6..] != MAGIC {
        return bad("not an Arrow IPC file (no ARROW1 magic)");
    }
    let footer_len = u32_at(bytes, bytes.len() - 10)? as usize;
    let footer_start =
        (bytes.len() - 10).checked_sub(footer_len).map_or_else(|| bad("bad footer length"), Ok)?;
    let footer_bytes = slice(bytes, footer_start, footer_len)?;
    let footer = T::root(footer_bytes)?;
    check_schema(footer.table(1)?, kind)?;
    let per_option = kind.names(info);

    // Dictionaries → indices of `info`.
    let (dict_at, ndict) = footer.vector(2)?;
    let mut option_map: Option<Vec<usize>> = None;
    let mut metric_names: Option<Vec<String>> = None;
    for d in 0..ndict {
        let (db, body, header) = block(bytes, footer_bytes, dict_at + 24 * d)?;
        if header != HEADER_DICTIONARY_BATCH {
            return bad("a dictionary block is not a dictionary batch");
        }
        let id = db.scalar::<8>(0)?.map_or(0, i64::from_le_bytes);
        let names = Batch::new(db.table(1)?, body)?.strings(1)?;
        match id {
            OPTION_DICT => {
                let map = names
                    .iter()
                    .map(|n| {
                        info.options.iter().position(|o| &o.name == n).map_or_else(
                            || bad(format!("option \"{n}\" is not in the manifest")),
                            Ok,
                        )
                    })
                    .collect::<Result<Vec<usize>, _>>()?;
                option_map = Some(map);
            }
            METRIC_DICT => metric_names = Some(names),
            other => return bad(format!("unexpected dictionary id {other}")),
        }
    }
    let (Some(option_map), Some(metric_names)) = (option_map, metric_names) else {
        return bad("the option or metric dictionary is missing");
    };
    // (dictionary option index, dictionary name index) → name index within the option.
    let metric_of = |o: usize, m: usize| -> Result<u32, ArrowError> {
        let name = metric_names.get(m).map_or_else(|| bad("name index out of range"), Ok)?;
        per_option[o].iter().position(|x| x == name).map(|i| i as u32).map_or_else(
            || {
                bad(format!(
                    "{} \"{name}\" is not one of option \"{}\"",
                    kind.name_column(),
                    info.options[o].name
                ))
            },
            Ok,
        )
    };

    let (blocks_at, nblocks) = footer.vector(3)?;
    let mut rows = Vec::new();
    let mut last: Option<((i32, i32), (u32, u32))> = None;
    for b in 0..nblocks {
        let (rb, body, header) = block(bytes, footer_bytes, blocks_at + 24 * b)?;
        if header != HEADER_RECORD_BATCH {
            return bad("a block is not a record batch");
        }
        let batch = Batch::new(rb, body)?;
        let nbuf = 2 * kind.columns().len();
        if batch.nbuf != nbuf {
            return bad(format!("{} buffers in a batch, expected {nbuf}", batch.nbuf));
        }
        let n = batch.n;
        let draws = batch.fixed(1, 8)?;
        let options = batch.fixed(3, 4)?;
        let metrics = batch.fixed(5, 4)?;
        let (validity, years, values) = match kind {
            Kind::Outputs => (batch.buffer(6)?, Some(batch.fixed(7, 4)?), batch.fixed(9, 8)?),
            Kind::Parameters => (&[][..], None, batch.fixed(7, 8)?),
        };
        rows.reserve(n);
        for i in 0..n {
            let key = (i32s(options, i), i32s(metrics, i));
            let (o, m) = match last {
                Some((k, v)) if k == key => v,
                _ => {
                    let o = usize::try_from(key.0)
                        .ok()
                        .and_then(|o| option_map.get(o).copied())
                        .map_or_else(|| bad("option index out of range"), Ok)?;
                    let m = metric_of(o, usize::try_from(key.1).unwrap_or(usize::MAX))?;
                    last = Some((key, (o as u32, m)));
                    (o as u32, m)
                }
            };
            let valid =
                validity.is_empty() || validity.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0);
            let year = years.and_then(|y| valid.then_some(i32s(y, i) as u32));
            rows.push(Row {
                draw: u64::from_le_bytes(draws[8 * i..8 * i + 8].try_into().expect("8")),
                option: o,
                metric: m,
                year,
                value: f64::from_le_bytes(values[8 * i..8 * i + 8].try_into().expect("8")),
            });
        }
    }
    Ok(rows)
}

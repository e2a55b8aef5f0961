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
//! | `option` | Utf8            | no       |
//! | `metric` | Utf8            | no       |
//! | `year`   | Int32           | yes (null for a scalar output) |
//! | `value`  | Float64         | no       |
//!
//! Layout: `ARROW1\0\0`, the schema message, one message per record batch, the
//! end-of-stream marker, the footer (schema and the batches' blocks), the footer's
//! length and `ARROW1`. Messages are the encapsulated form (continuation marker
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
const HEADER_RECORD_BATCH: u8 = 3;

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

fn field(name: &str, nullable: bool, type_id: u8, ty: Table) -> Table {
    Table(vec![
        Some(Fv::Str(name.to_owned())),
        Some(Fv::Bool(nullable)),
        Some(Fv::U8(type_id)),
        Some(Fv::Table(ty)),
        None,
        Some(Fv::Tables(Vec::new())),
    ])
}

fn schema() -> Table {
    let int = |bits: i32, signed: bool| Table(vec![Some(Fv::I32(bits)), Some(Fv::Bool(signed))]);
    let double = Table(vec![Some(Fv::I16(2))]);
    Table(vec![
        Some(Fv::I16(0)),
        Some(Fv::Tables(vec![
            field("draw", false, TYPE_INT, int(64, false)),
            field("option", false, TYPE_UTF8, Table(vec![])),
            field("metric", false, TYPE_UTF8, Table(vec![])),
            field("year", true, TYPE_INT, int(32, true)),
            field("value", false, TYPE_FLOAT, double),
        ])),
    ])
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

/// Writes `rows` (described by `info`) as an Arrow IPC file.
///
/// # Errors
/// The writer's.
///
/// # Panics
/// If a batch's option and output names exceed 2 GiB (they cannot at
/// [`BATCH_ROWS`] rows of names this size).
pub fn write_arrow(info: &RunInfo, rows: &[Row], w: impl Write) -> io::Result<()> {
    let mut w = Counting { inner: w, count: 0 };
    w.write_all(MAGIC)?;
    w.write_all(&[0, 0])?;
    write_message(&mut w, &message(HEADER_SCHEMA, schema(), 0), &[])?;
    let mut blocks = Vec::new();
    for batch in rows.chunks(BATCH_ROWS) {
        let n = batch.len();
        let mut body = Body { bytes: Vec::new(), buffers: Vec::new() };
        let mut nodes = Vec::new();
        let mut node = |nulls: usize| {
            nodes.extend_from_slice(&(n as i64).to_le_bytes());
            nodes.extend_from_slice(&(nulls as i64).to_le_bytes());
        };
        // draw
        node(0);
        body.push(&[]);
        body.push(&batch.iter().flat_map(|r| r.draw.to_le_bytes()).collect::<Vec<u8>>());
        // option, metric
        let opt = |r: &Row| info.options[r.option as usize].name.as_str();
        let met =
            |r: &Row| info.options[r.option as usize].metrics[r.metric as usize].name.as_str();
        node(0);
        body.utf8(batch.iter().map(opt));
        node(0);
        body.utf8(batch.iter().map(met));
        // year, with a validity bitmap when any is null
        let nulls = batch.iter().filter(|r| r.year.is_none()).count();
        node(nulls);
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
        // value
        node(0);
        body.push(&[]);
        body.push(&batch.iter().flat_map(|r| r.value.to_le_bytes()).collect::<Vec<u8>>());

        let buffers: Vec<u8> = body
            .buffers
            .iter()
            .flat_map(|(o, l)| o.to_le_bytes().into_iter().chain(l.to_le_bytes()))
            .collect();
        let nbuf = body.buffers.len();
        let header = Table(vec![
            Some(Fv::I64(n as i64)),
            Some(Fv::Structs(nodes, 5, 8)),
            Some(Fv::Structs(buffers, nbuf, 8)),
        ]);
        let meta = message(HEADER_RECORD_BATCH, header, body.bytes.len());
        blocks.push(write_message(&mut w, &meta, &body.bytes)?);
    }
    // End of stream.
    w.write_all(&CONTINUATION.to_le_bytes())?;
    w.write_all(&0u32.to_le_bytes())?;
    let block_bytes: Vec<u8> = blocks
        .iter()
        .flat_map(|b| {
            let mut v = Vec::with_capacity(24);
            v.extend_from_slice(&b.offset.to_le_bytes());
            v.extend_from_slice(&b.meta.to_le_bytes());
            v.extend_from_slice(&[0; 4]);
            v.extend_from_slice(&b.body.to_le_bytes());
            v
        })
        .collect();
    let footer = Fb::finish(&Table(vec![
        Some(Fv::I16(V5)),
        Some(Fv::Table(schema())),
        Some(Fv::Structs(Vec::new(), 0, 8)),
        Some(Fv::Structs(block_bytes, blocks.len(), 8)),
    ]));
    w.write_all(&footer)?;
    w.write_all(&(footer.len() as u32).to_le_bytes())?;
    w.write_all(MAGIC)?;
    Ok(())
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

/// Checks that `schema` is the draws schema.
fn check_schema(schema: T<'_>) -> Result<(), ArrowError> {
    let fields = schema.tables(1)?;
    let expected = [
        ("draw", TYPE_INT),
        ("option", TYPE_UTF8),
        ("metric", TYPE_UTF8),
        ("year", TYPE_INT),
        ("value", TYPE_FLOAT),
    ];
    if fields.len() != expected.len() {
        return bad(format!("{} columns, expected {}", fields.len(), expected.len()));
    }
    for (f, (name, ty)) in fields.iter().zip(expected) {
        let got = f.string(0)?;
        let got_ty = f.scalar::<1>(2)?.map_or(0, |b| b[0]);
        if got != name || got_ty != ty {
            return bad(format!(
                "column \"{got}\" (type {got_ty}) where \"{name}\" (type {ty}) was expected"
            ));
        }
    }
    Ok(())
}

/// Reads the rows of an Arrow IPC file written by [`write_arrow`], mapping option and
/// output names to the indices of `info` (from the run's manifest).
///
/// # Errors
/// An [`ArrowError`]: not an Arrow file, another schema, a name `info` does not know, or
/// corrupt bytes.
pub fn read_arrow(info: &RunInfo, bytes: &[u8]) -> Result<Vec<Row>, ArrowError> {
    if bytes.len() < 16 || &bytes[..6] != MAGIC || &bytes[bytes.len() - 6..] != MAGIC {
        return bad("not an Arrow IPC file (no ARROW1 magic)");
    }
    let footer_len = u32_at(bytes, bytes.len() - 10)? as usize;
    let footer_start =
        (bytes.len() - 10).checked_sub(footer_len).map_or_else(|| bad("bad footer length"), Ok)?;
    let footer_bytes = slice(bytes, footer_start, footer_len)?;
    let footer = T::root(footer_bytes)?;
    check_schema(footer.table(1)?)?;
    let (blocks_at, nblocks) = footer.vector(3)?;
    let mut rows = Vec::new();
    for b in 0..nblocks {
        let at = blocks_at + 24 * b;
        let offset = i64_at(footer_bytes, at)? as usize;
        let meta_len = u32_at(footer_bytes, at + 8)? as usize;
        let body_len = i64_at(footer_bytes, at + 16)? as usize;
        if u32_at(bytes, offset)? != CONTINUATION {
            return bad("a record batch block does not start with a message");
        }
        let meta = slice(bytes, offset + 8, meta_len.saturating_sub(8))?;
        let body = slice(bytes, offset + meta_len, body_len)?;
        let msg = T::root(meta)?;
        if msg.scalar::<1>(1)?.map_or(0, |x| x[0]) != HEADER_RECORD_BATCH {
            return bad("a block is not a record batch");
        }
        let rb = msg.table(2)?;
        if rb.field(3)?.is_some() {
            return bad("compressed record batches are not supported");
        }
        let n = rb.scalar::<8>(0)?.map_or(0, i64::from_le_bytes) as usize;
        let (buf_at, nbuf) = rb.vector(2)?;
        if nbuf != 12 {
            return bad(format!("{nbuf} buffers in a batch, expected 12"));
        }
        let buffer = |i: usize| -> Result<&[u8], ArrowError> {
            let o = i64_at(meta, buf_at + 16 * i)? as usize;
            let l = i64_at(meta, buf_at + 16 * i + 8)? as usize;
            slice(body, o, l)
        };
        let fixed = |i: usize, width: usize| -> Result<&[u8], ArrowError> {
            let b = buffer(i)?;
            if b.len() < n * width { bad("a column is shorter than its batch") } else { Ok(b) }
        };
        let strings = |i: usize| -> Result<Vec<&str>, ArrowError> {
            let offs = fixed(i, 4)?;
            let data = buffer(i + 1)?;
            let off = |j: usize| {
                i32::from_le_bytes(offs[4 * j..4 * j + 4].try_into().expect("4")) as usize
            };
            if offs.len() < 4 * (n + 1) {
                return bad("string offsets are shorter than their batch");
            }
            (0..n)
                .map(|j| {
                    let s = data
                        .get(off(j)..off(j + 1))
                        .map_or_else(|| bad("string offsets out of range"), Ok)?;
                    std::str::from_utf8(s).or_else(|_| bad("a string is not UTF-8"))
                })
                .collect()
        };
        let draws = fixed(1, 8)?;
        let options = strings(3)?;
        let metrics = strings(6)?;
        let validity = buffer(8)?;
        let years = fixed(9, 4)?;
        let values = fixed(11, 8)?;
        let mut last: Option<(&str, u32, &str, u32)> = None;
        for i in 0..n {
            let (o, m) = match last {
                Some((lo, oi, lm, mi)) if lo == options[i] && lm == metrics[i] => (oi, mi),
                _ => {
                    let oi = info.options.iter().position(|x| x.name == options[i]).map_or_else(
                        || bad(format!("option \"{}\" is not in the manifest", options[i])),
                        Ok,
                    )?;
                    let mi = info.options[oi]
                        .metrics
                        .iter()
                        .position(|x| x.name == metrics[i])
                        .map_or_else(
                            || bad(format!("output \"{}\" is not in the manifest", metrics[i])),
                            Ok,
                        )?;
                    last = Some((options[i], oi as u32, metrics[i], mi as u32));
                    (oi as u32, mi as u32)
                }
            };
            let valid =
                validity.is_empty() || validity.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0);
            let year = i32::from_le_bytes(years[4 * i..4 * i + 4].try_into().expect("4"));
            rows.push(Row {
                draw: u64::from_le_bytes(draws[8 * i..8 * i + 8].try_into().expect("8")),
                option: o,
                metric: m,
                year: valid.then_some(year as u32),
                value: f64::from_le_bytes(values[8 * i..8 * i + 8].try_into().expect("8")),
            });
        }
    }
    Ok(rows)
}

//! Reading an import file: JSON Lines or a JSON array, optionally gzip-compressed. The format is
//! recognised from the content (gzip magic bytes, then `[` or `{`), so the file name does not matter.

use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::rc::Rc;

use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// One entry of the input.
pub enum Entry {
    /// A JSON object, with its 1-based line (JSON Lines) or position (array).
    Record(usize, Map<String, Value>),
    /// Something that is not a record, with its line and what is wrong.
    Bad(usize, String),
}

/// Counts the bytes read from the file, for progress.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// Calls `each` for every entry of the file, in order, until it returns `Break`. `progress` receives
/// (bytes of the file read, file size).
pub(crate) fn read(
    path: &Path,
    each: &mut dyn FnMut(Entry) -> ControlFlow<()>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let io = |e| Error::io(path, e);
    let file = File::open(path).map_err(io)?;
    let total = file.metadata().map_err(io)?.len();
    read_from(&path.display().to_string(), file, total, each, progress)
}

/// [`read`] over bytes already in memory (a catalogue file embedded in the binary or in a pack).
pub(crate) fn read_bytes(
    name: &str,
    bytes: &[u8],
    each: &mut dyn FnMut(Entry) -> ControlFlow<()>,
) -> Result<()> {
    read_from(name, bytes, bytes.len() as u64, each, &mut |_, _| {})
}

fn read_from(
    name: &str,
    input: impl Read,
    total: u64,
    each: &mut dyn FnMut(Entry) -> ControlFlow<()>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<()> {
    let io = |e| Error::io(name, e);
    let count = Rc::new(Cell::new(0u64));
    let mut raw = BufReader::new(Counting {
        inner: input,
        count: Rc::clone(&count),
    });
    let gzip = raw.fill_buf().map_err(io)?.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + '_> = if gzip {
        Box::new(BufReader::new(MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    };

    // Skip a byte-order mark and leading whitespace to see which format this is.
    let first = loop {
        let buf = reader.fill_buf().map_err(io)?;
        let Some(&b) = buf.first() else {
            break None;
        };
        if b.is_ascii_whitespace() {
            reader.consume(1);
        } else if buf.starts_with(&[0xef, 0xbb, 0xbf]) {
            reader.consume(3);
        } else {
            break Some(b);
        }
    };
    match first {
        None => Ok(()),
        Some(b'[') => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(io)?;
            let values: Vec<Value> =
                serde_json::from_slice(&bytes).map_err(|e| Error::BadInput {
                    file: name.to_string(),
                    line: e.line(),
                    message: format!("not a JSON array of records: {e}"),
                })?;
            progress(count.get(), total);
            for (i, v) in values.into_iter().enumerate() {
                let entry = match v {
                    Value::Object(map) => Entry::Record(i + 1, map),
                    _ => Entry::Bad(i + 1, "array element is not a JSON object".to_string()),
                };
                if each(entry).is_break() {
                    break;
                }
            }
            Ok(())
        }
        Some(_) => {
            let mut line_no = 0;
            let mut buf = Vec::new();
            loop {
                buf.clear();
                let n = reader.read_until(b'\n', &mut buf).map_err(io)?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                let trimmed = buf.trim_ascii();
                if trimmed.is_empty() {
                    continue;
                }
                let entry = match std::str::from_utf8(trimmed) {
                    Err(e) => Entry::Bad(line_no, format!("not UTF-8: {e}")),
                    Ok(text) => match serde_json::from_str::<Value>(text) {
                        Ok(Value::Object(map)) => Entry::Record(line_no, map),
                        Ok(_) => Entry::Bad(line_no, "not a JSON object".to_string()),
                        Err(e) => Entry::Bad(line_no, format!("invalid JSON: {e}")),
                    },
                };
                progress(count.get(), total);
                if each(entry).is_break() {
                    break;
                }
            }
            Ok(())
        }
    }
}

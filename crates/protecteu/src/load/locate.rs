//! Finding where a value sits in a data file's text, so problems carry line and column.
//!
//! JSON is located exactly by walking the text along the value's path. TOML is located by its
//! table headers and keys, which is exact for the layout the data files use
//! (`[[actions]]`, `[[actions.status]]`, `key = value`).

use std::fmt;

/// One step of a path inside a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// A path inside a file, printed like `actions[3].lead[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Path(pub Vec<Seg>);

impl Path {
    pub fn key(mut self, key: &str) -> Path {
        self.0.push(Seg::Key(key.to_owned()));
        self
    }

    pub fn index(mut self, i: usize) -> Path {
        self.0.push(Seg::Index(i));
        self
    }

    /// Appends a path as printed by `serde_path_to_error` (`status[1].date`).
    pub fn extend_printed(mut self, printed: &str) -> Path {
        for part in printed.split('.') {
            if part.is_empty() || part == "?" {
                continue;
            }
            let (name, indexes) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !name.is_empty() {
                self.0.push(Seg::Key(name.to_owned()));
            }
            for idx in indexes.split('[').filter(|s| !s.is_empty()) {
                if let Ok(n) = idx.trim_end_matches(']').parse() {
                    self.0.push(Seg::Index(n));
                }
            }
        }
        self
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

/// The format of a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Toml,
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of the value at `path`, or of the deepest part of it that exists.
pub(crate) fn locate(text: &str, format: Format, path: &Path) -> Option<usize> {
    match format {
        Format::Json => locate_json(text, &path.0),
        Format::Toml => locate_toml(text, &path.0),
    }
}

// ---- JSON -------------------------------------------------------------------------------

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    depth: usize,
}

const MAX_SCAN_DEPTH: usize = 256;

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    /// Reads a string starting at a quote; returns its raw contents (escapes left as is).
    fn string(&mut self) -> Option<&[u8]> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let start = self.i + 1;
        let mut j = start;
        while j < self.b.len() {
            match self.b[j] {
                b'\\' => j += 2,
                b'"' => {
                    self.i = j + 1;
                    return self.b.get(start..j);
                }
                _ => j += 1,
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                self.depth += 1;
                if self.depth > MAX_SCAN_DEPTH {
                    return None;
                }
                let close = if self.b[self.i] == b'{' { b'}' } else { b']' };
                self.i += 1;
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        c if c == close => {
                            self.i += 1;
                            self.depth -= 1;
                            return Some(());
                        }
                        b',' | b':' => self.i += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(
                        self.b[self.i],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// Moves to the value of `key` in the object at the cursor.
    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.ws();
        if self.b.get(self.i) != Some(&b'{') {
            return None;
        }
        self.i += 1;
        loop {
            self.ws();
            match *self.b.get(self.i)? {
                b'}' => return None,
                b',' => self.i += 1,
                b'"' => {
                    let k = self.string()?;
                    let matched = k == key.as_bytes();
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    self.ws();
                    if matched {
                        return Some(());
                    }
                    self.skip_value()?;
                }
                _ => return None,
            }
        }
    }

    /// Moves to element `n` of the array at the cursor.
    fn enter_index(&mut self, n: usize) -> Option<()> {
        self.ws();
        if self.b.get(self.i) != Some(&b'[') {
            return None;
        }
        self.i += 1;
        let mut k = 0;
        loop {
            self.ws();
            match *self.b.get(self.i)? {
                b']' => return None,
                b',' => self.i += 1,
                _ => {
                    if k == n {
                        return Some(());
                    }
                    self.skip_value()?;
                    k += 1;
                }
            }
        }
    }
}

fn locate_json(text: &str, path: &[Seg]) -> Option<usize> {
    locate_json_from(text, 0, path)
}

/// [`locate_json`] of the rest of a path, from the value that starts at `start`.
fn locate_json_from(text: &str, start: usize, path: &[Seg]) -> Option<usize> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: start,
        depth: 0,
    };
    s.ws();
    let mut best = s.i;
    for seg in path {
        let ok = match seg {
            Seg::Key(k) => s.enter_key(k),
            Seg::Index(n) => s.enter_index(*n),
        };
        if ok.is_none() {
            break;
        }
        best = s.i;
    }
    Some(best)
}

// ---- TOML -------------------------------------------------------------------------------

/// Start offsets of lines whose trimmed text is exactly `header`, between `from` and `to`.
fn headers(text: &str, header: &str, from: usize, to: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // Only the range is scanned (from and to are line or header starts, so char boundaries).
    let Some(range) = text.get(from..to.min(text.len())) else {
        return out;
    };
    let mut offset = from;
    for line in range.split_inclusive('\n') {
        let trimmed = line.trim();
        let bare = trimmed.split('#').next().unwrap_or("").trim();
        if bare == header {
            out.push(offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len();
    }
    out
}

/// Offset of the first line within `from..to` that assigns `key` (`key = ...`).
fn key_line(text: &str, key: &str, from: usize, to: usize) -> Option<usize> {
    let mut offset = from;
    for line in text.get(from..to.min(text.len()))?.split_inclusive('\n') {
        {
            let t = line.trim_start();
            let name_end = t
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(t.len());
            let name = t[..name_end].trim_matches('"');
            if name == key && t[name_end..].trim_start().starts_with('=') {
                return Some(offset + (line.len() - t.len()));
            }
        }
        offset += line.len();
        if offset >= to {
            break;
        }
    }
    None
}

fn locate_toml(text: &str, path: &[Seg]) -> Option<usize> {
    locate_toml_in(text, path, 0, text.len(), 0, String::new())
}

/// [`locate_toml`] from inside the table `table` that spans `from..to`.
fn locate_toml_in(
    text: &str,
    path: &[Seg],
    mut from: usize,
    mut to: usize,
    mut best: usize,
    mut table: String,
) -> Option<usize> {
    let mut i = 0;
    while i < path.len() {
        let Seg::Key(key) = &path[i] else {
            break;
        };
        let name = if table.is_empty() {
            key.clone()
        } else {
            format!("{table}.{key}")
        };
        if let Some(Seg::Index(n)) = path.get(i + 1) {
            let found = headers(text, &format!("[[{name}]]"), from, to);
            if let Some(&start) = found.get(*n) {
                let end = found.get(n + 1).copied().unwrap_or(to);
                from = start;
                to = end;
                best = start;
                table = name;
                i += 2;
                continue;
            }
        }
        let mut single = headers(text, &format!("[{name}]"), from, to);
        if single.is_empty() {
            single = headers(text, &format!("[[{name}]]"), from, to);
        }
        if let Some(&start) = single.first() {
            from = start;
            best = start;
            table = name;
            i += 1;
            continue;
        }
        if let Some(at) = key_line(text, key, from, to) {
            best = at;
        }
        break;
    }
    Some(best)
}

/// Locates many paths in one file without rescanning it for each: the start of every element
/// of a top-level list (`actions[i]`) is found in one pass and kept, so locating the problems
/// of a file costs in proportion to the file plus the problems, not to their product.
pub(crate) struct Locator<'a> {
    text: &'a str,
    format: Format,
    starts: std::collections::HashMap<String, Vec<usize>>,
    lines: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str, format: Format) -> Self {
        Locator {
            text,
            format,
            starts: std::collections::HashMap::new(),
            lines: Vec::new(),
        }
    }

    /// As [`line_col`], with the line starts found once.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        if self.lines.is_empty() {
            self.lines.push(0);
            let newlines = self.text.bytes().enumerate().filter(|(_, b)| *b == b'\n');
            self.lines.extend(newlines.map(|(i, _)| i + 1));
        }
        let mut cut = offset.min(self.text.len());
        while !self.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let line = self.lines.partition_point(|&start| start <= cut);
        let start = self.lines.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column = self.text.get(start..cut).map_or(0, |t| t.chars().count()) + 1;
        (line, column)
    }

    /// As [`locate`].
    pub fn locate(&mut self, path: &Path) -> Option<usize> {
        let (Some(Seg::Key(key)), Some(Seg::Index(n))) = (path.0.first(), path.0.get(1)) else {
            return locate(self.text, self.format, path);
        };
        let text = self.text;
        let format = self.format;
        let starts = self
            .starts
            .entry(key.clone())
            .or_insert_with(|| match format {
                Format::Json => json_elements(text, key),
                Format::Toml => headers(text, &format!("[[{key}]]"), 0, text.len()),
            });
        let Some(&start) = starts.get(*n) else {
            return locate(self.text, self.format, path);
        };
        let rest = path.0.get(2..).unwrap_or(&[]);
        match format {
            Format::Json => locate_json_from(text, start, rest),
            Format::Toml => {
                let end = starts.get(n + 1).copied().unwrap_or(text.len());
                locate_toml_in(text, rest, start, end, start, key.clone())
            }
        }
    }
}

/// Start offsets of the elements of the top-level JSON array under `key`, in one pass.
fn json_elements(text: &str, key: &str) -> Vec<usize> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let mut out = Vec::new();
    if s.enter_key(key).is_none() {
        return out;
    }
    s.ws();
    if s.b.get(s.i) != Some(&b'[') {
        return out;
    }
    s.i += 1;
    loop {
        s.ws();
        match s.b.get(s.i) {
            None | Some(b']') => return out,
            Some(b',') => s.i += 1,
            Some(_) => {
                out.push(s.i);
                if s.skip_value().is_none() {
                    return out;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(printed: &str) -> Path {
        Path::default().extend_printed(printed)
    }

    #[test]
    fn json_paths() {
        let text = "{\n  \"actions\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"lead\": [\"x\", \"y\"]}\n  ]\n}";
        let at = locate(text, Format::Json, &p("actions[1].lead[1]")).unwrap();
        assert_eq!(line_col(text, at), (4, 31));
        let at = locate(text, Format::Json, &p("actions[1]")).unwrap();
        assert_eq!(line_col(text, at), (4, 5));
    }

    #[test]
    fn toml_paths() {
        let text = "[[actions]]\nid = \"a\"\n\n[[actions]]\nid = \"b\"\nlead = [\"x\"]\n\n[[actions.status]]\ndate = \"2025-01-01\"\n";
        let at = locate(text, Format::Toml, &p("actions[1].lead[0]")).unwrap();
        assert_eq!(line_col(text, at), (6, 1));
        let at = locate(text, Format::Toml, &p("actions[1].status[0].date")).unwrap();
        assert_eq!(line_col(text, at), (9, 1));
    }

    #[test]
    fn the_locator_agrees_with_locate() {
        let json = "{\n  \"actions\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"lead\": [\"x\", \"y\"]}\n  ],\n  \"themes\": []\n}";
        let toml = "[[actions]]\nid = \"a\"\n\n[[actions]]\nid = \"b\"\nlead = [\"x\"]\n\n[[actions.status]]\ndate = \"2025-01-01\"\n";
        for (text, format) in [(json, Format::Json), (toml, Format::Toml)] {
            let mut l = Locator::new(text, format);
            for path in [
                "actions[1].lead[0]",
                "actions[0]",
                "actions[1].status[0].date",
                "actions[7]",
                "themes",
                "actions[0].id",
                "",
            ] {
                assert_eq!(l.locate(&p(path)), locate(text, format, &p(path)), "{path}");
            }
            for offset in 0..=text.len() + 2 {
                assert_eq!(l.line_col(offset), line_col(text, offset), "{offset}");
            }
        }
    }

    #[test]
    fn printed_paths_round_trip() {
        assert_eq!(
            p("actions[3].status[0].date").to_string(),
            "actions[3].status[0].date"
        );
    }
}

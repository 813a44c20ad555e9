//! A4 PDF of a form, blank (for clerks to hand out) or filled.
//!
//! Why krilla: it is the PDF writer under Typst, kept up to date, and it embeds and subsets TrueType
//! fonts with a ToUnicode map, so Vietnamese text is drawn with its own glyphs and reads back (copy,
//! search, `pdftotext`) with every diacritic. `printpdf` and `genpdf` were the alternatives: `genpdf`
//! is unmaintained and pinned to an old `printpdf`, and `printpdf`'s font API changed in every recent
//! release. The font is Liberation Serif (SIL Open Font License 1.1, `assets/fonts/`), metric-compatible
//! with Times New Roman, the face of the official annexes; it covers every precomposed Vietnamese
//! letter, and text in NFC needs no shaping. A character the font lacks is an error, never a gap.
//!
//! The layout (word wrapping, centring, tables, signature blocks, pagination) is done here by hand:
//! krilla draws glyphs at points and no maintained crate lays out a form like this one.

use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

use super::{CellStyle, FieldKind, Form, Line, Segment, Style, Values};
use crate::error::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf");

const MM: f32 = 72.0 / 25.4;
const PAGE_W: f32 = 210.0 * MM;
const PAGE_H: f32 = 297.0 * MM;
const LEFT: f32 = 25.0 * MM;
const RIGHT: f32 = PAGE_W - 18.0 * MM;
const TOP: f32 = 15.0 * MM;
const BOTTOM: f32 = PAGE_H - 15.0 * MM;
const BODY: f32 = 12.0;
const NOTE: f32 = 10.0;
const ID_BOX: f32 = 4.6 * MM;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

struct Fonts {
    faces: [ttf_parser::Face<'static>; 4],
    fonts: [Font; 4],
}

impl Fonts {
    fn load() -> Result<Fonts> {
        let parse = |bytes: &'static [u8]| {
            ttf_parser::Face::parse(bytes, 0)
                .map_err(|e| Error::Form(format!("bundled font unreadable: {e}")))
        };
        let font = |bytes: &'static [u8]| {
            Font::new(Data::from(bytes), 0)
                .ok_or_else(|| Error::Form("bundled font unreadable".to_string()))
        };
        Ok(Fonts {
            faces: [
                parse(REGULAR)?,
                parse(BOLD)?,
                parse(ITALIC)?,
                parse(BOLD_ITALIC)?,
            ],
            fonts: [
                font(REGULAR)?,
                font(BOLD)?,
                font(ITALIC)?,
                font(BOLD_ITALIC)?,
            ],
        })
    }

    fn index(face: Face) -> usize {
        match face {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
            Face::BoldItalic => 3,
        }
    }

    /// Width of `text` at `size`; a character the font lacks is an error.
    fn width(&self, face: Face, size: f32, text: &str) -> Result<f32> {
        let f = &self.faces[Fonts::index(face)];
        let mut units = 0.0;
        for c in text.chars() {
            let g = f.glyph_index(c).ok_or_else(|| {
                Error::Form(format!(
                    "the form's font has no glyph for “{c}” (U+{:04X})",
                    c as u32
                ))
            })?;
            units += f32::from(f.glyph_hor_advance(g).unwrap_or(0));
        }
        Ok(units * size / f32::from(f.units_per_em()))
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
}

/// A piece of a line before it is placed.
#[derive(Debug, Clone)]
enum Item {
    Word { text: String, face: Face, size: f32 },
    Dots { width: f32, fill: bool, size: f32 },
    Tick { checked: bool, size: f32 },
    IdBoxes { digits: String, size: f32 },
}

impl Item {
    fn width(&self, fonts: &Fonts) -> Result<f32> {
        Ok(match self {
            Item::Word { text, face, size } => fonts.width(*face, *size, text)?,
            Item::Dots { width, .. } => *width,
            Item::Tick { size, .. } => size * 0.8,
            Item::IdBoxes { .. } => ID_BOX * 12.0,
        })
    }

    fn size(&self) -> f32 {
        match self {
            Item::Word { size, .. }
            | Item::Dots { size, .. }
            | Item::Tick { size, .. }
            | Item::IdBoxes { size, .. } => *size,
        }
    }
}

/// A laid-out line: items with their x offsets from the line's start, and its width.
struct Laid {
    items: Vec<(f32, f32, Item)>,
    width: f32,
    size: f32,
}

fn words(text: &str, face: Face, size: f32, out: &mut Vec<Item>) {
    for w in text.split_whitespace() {
        out.push(Item::Word {
            text: w.to_string(),
            face,
            size,
        });
    }
}

/// Greedy word wrap of `items` within `max` points.
fn wrap(fonts: &Fonts, items: Vec<Item>, max: f32) -> Result<Vec<Laid>> {
    let mut lines = Vec::new();
    let mut cur: Vec<(f32, f32, Item)> = Vec::new();
    let mut x = 0.0f32;
    let mut size = items.first().map_or(BODY, Item::size);
    for item in items {
        size = size.max(item.size());
        let space = if cur.is_empty() {
            0.0
        } else {
            fonts.width(Face::Regular, item.size(), " ")?
        };
        let item = match item {
            Item::Dots {
                fill: true, size, ..
            } => {
                let left = max - x - space;
                if left < 20.0 * MM && !cur.is_empty() {
                    lines.push(Laid {
                        width: x,
                        items: std::mem::take(&mut cur),
                        size,
                    });
                    let w = max;
                    cur.push((
                        0.0,
                        w,
                        Item::Dots {
                            width: w,
                            fill: true,
                            size,
                        },
                    ));
                    x = w;
                    continue;
                }
                Item::Dots {
                    width: left.max(10.0),
                    fill: true,
                    size,
                }
            }
            other => other,
        };
        let w = item.width(fonts)?;
        if !cur.is_empty() && x + space + w > max {
            lines.push(Laid {
                width: x,
                items: std::mem::take(&mut cur),
                size,
            });
            x = 0.0;
            cur.push((0.0, w, item));
            x += w;
        } else {
            cur.push((x + space, w, item));
            x += space + w;
        }
    }
    if !cur.is_empty() {
        lines.push(Laid {
            width: x,
            items: cur,
            size,
        });
    }
    Ok(lines)
}

/// Lays out pages of drawing operations.
struct Pager<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Pager<'_> {
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP + 1.0 {
            self.pages.push(Vec::new());
            self.y = TOP;
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Draws laid lines at `left`, aligned in `width`: 0 left, 0.5 centre, 1 right.
    fn lines(
        &mut self,
        lines: &[Laid],
        left: f32,
        width: f32,
        align: f32,
        leading: f32,
    ) -> Result<()> {
        for l in lines {
            let height = l.size * leading;
            self.ensure(height);
            let baseline = self.y + l.size;
            let x0 = left + (width - l.width).max(0.0) * align;
            for (dx, w, item) in &l.items {
                self.item(x0 + dx, baseline, *w, item)?;
            }
            self.y += height;
        }
        Ok(())
    }

    fn item(&mut self, x: f32, baseline: f32, w: f32, item: &Item) -> Result<()> {
        match item {
            Item::Word { text, face, size } => self.ops().push(Op::Text {
                x,
                y: baseline,
                face: *face,
                size: *size,
                text: text.clone(),
            }),
            Item::Dots { size, .. } => {
                let dot = self.fonts.width(Face::Regular, *size, ".")?;
                let n = ((w / dot).floor() as usize).max(1);
                self.ops().push(Op::Text {
                    x,
                    y: baseline,
                    face: Face::Regular,
                    size: *size,
                    text: ".".repeat(n),
                });
            }
            Item::Tick { checked, size } => {
                let s = size * 0.7;
                let top = baseline - s;
                self.ops().push(Op::Rect {
                    x,
                    y: top,
                    w: s,
                    h: s,
                });
                if *checked {
                    self.ops().push(Op::Rule {
                        x1: x,
                        y1: top,
                        x2: x + s,
                        y2: top + s,
                    });
                    self.ops().push(Op::Rule {
                        x1: x + s,
                        y1: top,
                        x2: x,
                        y2: top + s,
                    });
                }
            }
            Item::IdBoxes { digits, size } => {
                let top = baseline - size * 0.95;
                let h = size * 1.25;
                let digits: Vec<char> = digits.chars().collect();
                for i in 0..12 {
                    let bx = x + ID_BOX * i as f32;
                    self.ops().push(Op::Rect {
                        x: bx,
                        y: top,
                        w: ID_BOX,
                        h,
                    });
                    if let Some(d) = digits.get(i) {
                        let dw = self.fonts.width(Face::Regular, *size, &d.to_string())?;
                        self.ops().push(Op::Text {
                            x: bx + (ID_BOX - dw) / 2.0,
                            y: baseline,
                            face: Face::Regular,
                            size: *size,
                            text: d.to_string(),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// The items of a line's segments: printed words, values or blanks, tick boxes.
fn items(
    form: &Form,
    segments: &[Segment],
    values: Option<&Values>,
    face: Face,
    size: f32,
) -> Vec<Item> {
    let mut out = Vec::new();
    let last = segments.len().saturating_sub(1);
    for (i, s) in segments.iter().enumerate() {
        match s {
            Segment::Text { text } => words(text, face, size, &mut out),
            Segment::Field { name } => {
                let kind = form.field(name).map_or(FieldKind::Text, |f| f.kind);
                let value = values.and_then(|v| v.get(name)).filter(|v| !v.is_empty());
                match (kind, value) {
                    (FieldKind::IdNumber, v) => out.push(Item::IdBoxes {
                        digits: v.cloned().unwrap_or_default(),
                        size,
                    }),
                    (_, Some(v)) => words(v, Face::Regular, size, &mut out),
                    (FieldKind::Date, None) => out.push(Item::Word {
                        text: "………/………/………".to_string(),
                        face: Face::Regular,
                        size,
                    }),
                    (kind, None) => out.push(Item::Dots {
                        width: MM
                            * match kind {
                                FieldKind::Choice | FieldKind::Year => 18.0,
                                FieldKind::Count => 12.0,
                                FieldKind::Name => 55.0,
                                FieldKind::Phone => 35.0,
                                _ => 40.0,
                            },
                        fill: i == last,
                        size,
                    }),
                }
            }
            Segment::Box { name, value } => out.push(Item::Tick {
                checked: values.and_then(|v| v.get(name)) == Some(value),
                size,
            }),
        }
    }
    out
}

/// Renders `form` as an A4 PDF, blank when `values` is `None`.
pub fn render(form: &Form, values: Option<&Values>) -> Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let mut p = Pager {
        fonts: &fonts,
        pages: vec![Vec::new()],
        y: TOP,
    };
    let width = RIGHT - LEFT;
    for line in &form.lines {
        match line {
            Line::Text { style, segments } => {
                let (face, size, align, before, after) = match style {
                    Style::Normal => (Face::Regular, BODY, 0.0, 2.0, 0.0),
                    Style::Bold => (Face::Bold, BODY, 0.0, 2.0, 0.0),
                    Style::Motto => (Face::Bold, BODY, 0.5, 0.0, 0.0),
                    Style::MottoSub => (Face::Bold, 13.0, 0.5, 0.0, 8.0),
                    Style::Title => (Face::Bold, 14.0, 0.5, 6.0, 8.0),
                    Style::Corner => (Face::Italic, 9.0, 1.0, 0.0, 4.0),
                    Style::NoteHead => (Face::BoldItalic, NOTE, 0.0, 10.0, 0.0),
                    Style::Note => (Face::Italic, NOTE, 0.0, 0.0, 0.0),
                };
                let max = if *style == Style::Corner {
                    85.0 * MM
                } else {
                    width
                };
                let laid = wrap(&fonts, items(form, segments, values, face, size), max)?;
                p.y += before;
                let left = if *style == Style::Corner {
                    RIGHT - max
                } else {
                    LEFT
                };
                p.lines(
                    &laid,
                    left,
                    max,
                    align,
                    if size < BODY { 1.25 } else { 1.4 },
                )?;
                if *style == Style::MottoSub
                    && let Some(l) = laid.last()
                {
                    let x = LEFT + (width - l.width) / 2.0;
                    let y = p.y - 2.0;
                    p.ops().push(Op::Rule {
                        x1: x,
                        y1: y,
                        x2: x + l.width,
                        y2: y,
                    });
                }
                p.y += after;
            }
            Line::Table {
                headers,
                widths,
                rows,
                body,
            } => {
                let total: u32 = widths.iter().sum();
                let cols: Vec<f32> = widths
                    .iter()
                    .map(|w| width * *w as f32 / total.max(1) as f32)
                    .collect();
                let mut cells = Vec::new();
                for (h, w) in headers.iter().zip(&cols) {
                    let mut it = Vec::new();
                    words(h, Face::Bold, NOTE, &mut it);
                    cells.push(wrap(&fonts, it, w - 4.0)?);
                }
                let lh = NOTE * 1.25;
                let head = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 6.0;
                let row_h = 20.0;
                // Printed rows: a label cell and field places, left blank on a blank form (the
                // official table has empty cells, not dotted lines).
                let mut printed = Vec::new();
                for row in body {
                    let mut laid_row = Vec::new();
                    for (cell, w) in row.iter().zip(&cols) {
                        let segs: Vec<Segment> = cell
                            .iter()
                            .filter(|s| values.is_some() || !matches!(s, Segment::Field { .. }))
                            .cloned()
                            .collect();
                        let it = items(form, &segs, values, Face::Regular, BODY);
                        laid_row.push(if it.is_empty() {
                            Vec::new()
                        } else {
                            wrap(&fonts, it, w - 6.0)?
                        });
                    }
                    let h = laid_row
                        .iter()
                        .map(|c| c.iter().map(|l| l.size * 1.3).sum::<f32>())
                        .fold(0.0, f32::max)
                        + 8.0;
                    // Room to write by hand on a blank form.
                    printed.push((laid_row, h.max(if values.is_none() { 28.0 } else { row_h })));
                }
                let heights: Vec<f32> = if printed.is_empty() {
                    vec![row_h; *rows as usize]
                } else {
                    printed.iter().map(|(_, h)| *h).collect()
                };
                p.y += 4.0;
                p.ensure(head + heights.iter().sum::<f32>());
                let top = p.y;
                let mut x = LEFT;
                for (laid, w) in cells.iter().zip(&cols) {
                    let save = p.y;
                    p.y = top + 3.0;
                    p.lines(laid, x + 2.0, w - 4.0, 0.5, 1.25)?;
                    p.y = save;
                    x += w;
                }
                let mut y = top + head;
                for (laid_row, h) in &printed {
                    let mut x = LEFT;
                    for (laid, w) in laid_row.iter().zip(&cols) {
                        p.y = y + 4.0;
                        p.lines(laid, x + 3.0, w - 6.0, 0.0, 1.3)?;
                        x += w;
                    }
                    y += h;
                }
                let bottom = top + head + heights.iter().sum::<f32>();
                let mut rules = vec![top, top + head];
                let mut y = top + head;
                for h in &heights {
                    y += h;
                    rules.push(y);
                }
                for y in rules {
                    p.ops().push(Op::Rule {
                        x1: LEFT,
                        y1: y,
                        x2: RIGHT,
                        y2: y,
                    });
                }
                let mut x = LEFT;
                p.ops().push(Op::Rule {
                    x1: x,
                    y1: top,
                    x2: x,
                    y2: bottom,
                });
                for w in &cols {
                    x += w;
                    p.ops().push(Op::Rule {
                        x1: x,
                        y1: top,
                        x2: x,
                        y2: bottom,
                    });
                }
                p.y = bottom + 6.0;
            }
            Line::Cells { cells } => {
                let w = width / cells.len().max(1) as f32;
                let mut laid_cells = Vec::new();
                for cell in cells {
                    let mut laid = Vec::new();
                    for l in cell {
                        let face = match l.style {
                            CellStyle::Normal => Face::Regular,
                            CellStyle::Bold => Face::Bold,
                            CellStyle::Italic => Face::Italic,
                        };
                        let size = if cells.len() > 2 { NOTE } else { BODY };
                        let it = items(form, &l.segments, values, face, size);
                        if it.is_empty() {
                            laid.push(Laid {
                                items: Vec::new(),
                                width: 0.0,
                                size,
                            });
                        } else {
                            laid.extend(wrap(&fonts, it, w - 6.0)?);
                        }
                    }
                    laid_cells.push(laid);
                }
                let height = laid_cells
                    .iter()
                    .map(|c| c.iter().map(|l| l.size * 1.3).sum::<f32>())
                    .fold(0.0, f32::max);
                p.y += 10.0;
                p.ensure(height + 40.0);
                let top = p.y;
                for (i, laid) in laid_cells.iter().enumerate() {
                    p.y = top;
                    p.lines(laid, LEFT + w * i as f32 + 3.0, w - 6.0, 0.5, 1.3)?;
                }
                p.y = top + height + 40.0;
            }
        }
    }
    draw(form, &fonts, p.pages)
}

fn draw(form: &Form, fonts: &Fonts, pages: Vec<Vec<Op>>) -> Result<Vec<u8>> {
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(form.title.clone())
            .creator("sotay".to_string()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| Error::Form("page size".to_string()))?;
    for ops in pages {
        let mut page = doc.start_page_with(settings.clone());
        let mut s = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    face,
                    size,
                    text,
                } => {
                    s.set_fill(Some(Fill::default()));
                    s.set_stroke(None);
                    s.draw_text(
                        Point::from_xy(x, y),
                        fonts.fonts[Fonts::index(face)].clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Rect { x, y, w, h } => {
                    let mut b = PathBuilder::new();
                    if let Some(r) = Rect::from_xywh(x, y, w, h) {
                        b.push_rect(r);
                    }
                    if let Some(path) = b.finish() {
                        s.set_fill(None);
                        s.set_stroke(Some(Stroke {
                            width: 0.6,
                            ..Stroke::default()
                        }));
                        s.draw_path(&path);
                    }
                }
                Op::Rule { x1, y1, x2, y2 } => {
                    let mut b = PathBuilder::new();
                    b.move_to(x1, y1);
                    b.line_to(x2, y2);
                    if let Some(path) = b.finish() {
                        s.set_fill(None);
                        s.set_stroke(Some(Stroke {
                            width: 0.6,
                            ..Stroke::default()
                        }));
                        s.draw_path(&path);
                    }
                }
            }
        }
        s.finish();
        page.finish();
    }
    doc.finish()
        .map_err(|e| Error::Form(format!("PDF could not be written: {e:?}")))
}

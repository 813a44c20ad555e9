//! The markdown body of a guide: its fixed `##` sections, the `###` document groups of the checklist,
//! and one list item or paragraph per checklist item, step, condition or note.
//!
//! The body is read in a single pass over pulldown-cmark's events by [`BodyParser`], whose fields are
//! the state that pass needs (the section it is in, the heading or item being collected, the list
//! depth…): each kind of event has its own method, so that a rule about headings, lists or refused
//! blocks lives in one place.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, TextMergeWithOffset};

use super::super::html::{options, render_events};
use super::super::model::{Block, DocumentGroup, DocumentItem, GroupKind};
use super::{Report, SECTION_HEADINGS, line_of, split_marker, split_quantity, split_superseded};

/// The part of the body being read, set by the last `##` heading.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Preamble,
    Documents,
    Steps,
    Conditions,
    Notes,
}

/// What a body holds, section by section.
#[derive(Default)]
pub(super) struct Body {
    pub(super) documents: Vec<DocumentGroup>,
    pub(super) steps: Vec<Block>,
    pub(super) conditions: Vec<Block>,
    pub(super) notes: Vec<Block>,
}

/// Events of one list item or paragraph being collected.
struct Capture<'a> {
    events: Vec<Event<'a>>,
    offset: usize,
}

impl Capture<'_> {
    /// An empty capture starting at `offset`, where its problems are reported.
    fn at(offset: usize) -> Self {
        Capture {
            events: Vec::new(),
            offset,
        }
    }
}

/// A heading being read: its text arrives in pieces (text, code spans) until the heading ends.
struct OpenHeading {
    level: HeadingLevel,
    text: String,
    offset: usize,
}

impl OpenHeading {
    /// A heading of `level` starting at `offset`, its text still to come.
    fn at(level: HeadingLevel, offset: usize) -> Self {
        OpenHeading {
            level,
            text: String::new(),
            offset,
        }
    }
}

/// Reads a guide's body, reporting each problem at its line of the whole file.
///
/// Only top-level blocks are structure: a `##`/`###` heading, a paragraph, or an item of a top-level
/// list. Everything inside an item (nested lists, emphasis, links) is captured as events and rendered
/// with it, so that an item keeps its formatting as one checklist entry.
pub(super) struct BodyParser<'a, 'r, 'f> {
    /// The markdown after the front matter.
    body: &'a str,
    /// The file line the body starts on, to turn body offsets into file lines.
    body_line: usize,
    report: &'r mut Report<'f>,
    out: Body,
    section: Section,
    /// Indexes in [`SECTION_HEADINGS`] of the sections met so far, in order.
    seen: Vec<usize>,
    heading: Option<OpenHeading>,
    capture: Option<Capture<'a>>,
    list_depth: usize,
    /// Depth inside a refused block (code, quote, table, HTML) whose events are dropped; 0 outside.
    skip: usize,
    /// Checklist items so far, to number their ids (`d1`, `d2`…) across groups.
    doc_count: usize,
}

impl<'a, 'r, 'f> BodyParser<'a, 'r, 'f> {
    /// A parser of `body`, which starts on line `body_line` of the file `report` is about.
    pub(super) fn new(body: &'a str, body_line: usize, report: &'r mut Report<'f>) -> Self {
        BodyParser {
            body,
            body_line,
            report,
            out: Body::default(),
            section: Section::Preamble,
            seen: Vec::new(),
            heading: None,
            capture: None,
            list_depth: 0,
            skip: 0,
            doc_count: 0,
        }
    }

    /// The single pass over the body's events, then the checks of what a body must contain.
    pub(super) fn parse(mut self) -> Body {
        let events =
            TextMergeWithOffset::new(Parser::new_ext(self.body, options()).into_offset_iter());
        for (event, range) in events {
            self.event(event, range.start);
        }
        self.check_required();
        self.out
    }

    /// The file line of a byte offset in the body.
    fn line(&self, offset: usize) -> usize {
        self.body_line + line_of(self.body.as_bytes(), offset) - 1
    }

    /// Routes one event: a refused block swallows everything up to its end, a heading everything up to
    /// its end; otherwise structure is handled and any other event joins the item being captured.
    fn event(&mut self, event: Event<'a>, start: usize) {
        if self.skip > 0 {
            self.skip_event(&event);
        } else if self.heading.is_some() {
            self.heading_event(event);
        } else if !self.structure_event(&event, start)
            && let Some(c) = &mut self.capture
        {
            c.events.push(event);
        }
    }

    /// Inside a refused block: counts its nested starts and ends to find where it closes.
    fn skip_event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(_) => self.skip += 1,
            Event::End(_) => self.skip -= 1,
            _ => {}
        }
    }

    /// Inside a heading: gathers its text, and handles the heading once it ends.
    fn heading_event(&mut self, event: Event<'_>) {
        match event {
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = self.heading.take() {
                    let line = self.line(h.offset);
                    self.on_heading(h.level, h.text.trim(), line);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut self.heading {
                    h.text.push_str(&t);
                }
            }
            _ => {}
        }
    }

    /// Handles an event that opens or closes a top-level block; `false` when the event is content
    /// (it then belongs to the item or paragraph being captured, if any).
    fn structure_event(&mut self, event: &Event<'a>, start: usize) -> bool {
        let top_level = self.capture.is_none() && self.list_depth == 0;
        match event {
            Event::Start(Tag::Heading { level, .. }) if top_level => {
                self.heading = Some(OpenHeading::at(*level, start));
                true
            }
            // The top-level list itself is not content; a nested one is part of its item.
            Event::Start(Tag::List(_)) => {
                self.list_depth += 1;
                self.list_depth == 1
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth -= 1;
                self.list_depth == 0
            }
            Event::Start(Tag::Item) if self.list_depth == 1 => {
                self.capture = Some(Capture::at(start));
                true
            }
            Event::End(TagEnd::Item) if self.list_depth == 1 => {
                if let Some(c) = self.capture.take() {
                    self.finish(c);
                }
                true
            }
            Event::Start(Tag::Paragraph) if top_level => {
                self.capture = Some(Capture::at(start));
                true
            }
            Event::End(TagEnd::Paragraph) if self.list_depth == 0 => {
                if let Some(c) = self.capture.take() {
                    self.end_paragraph(c);
                }
                true
            }
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::Table(_)
                | Tag::HtmlBlock
                | Tag::MetadataBlock(_),
            ) if top_level => {
                self.refuse_block(start);
                true
            }
            _ => false,
        }
    }

    /// A code block, quote, table or HTML: the app shows none of them, so the block is reported and
    /// its events up to its end are dropped.
    fn refuse_block(&mut self, start: usize) {
        let line = self.line(start);
        self.report.add(
            line,
            "unsupported block (code, quote, table or HTML); use paragraphs and lists",
        );
        self.skip = 1;
    }

    /// A top-level paragraph is a step, condition or note, but never a checklist item: the checklist
    /// is a list, so that each document is one line to tick.
    fn end_paragraph(&mut self, capture: Capture<'a>) {
        if self.section == Section::Documents {
            let line = self.line(capture.offset);
            self.report.add(
                line,
                "in \"Thành phần hồ sơ\" write each document as a list item starting with \"- \"",
            );
        } else {
            self.finish(capture);
        }
    }

    /// A heading: `##` opens one of the fixed sections, `###` a document group of the checklist;
    /// any other is refused.
    fn on_heading(&mut self, level: HeadingLevel, text: &str, line: usize) {
        let text = text.trim_end_matches(':').trim();
        match level {
            HeadingLevel::H2 => self.section_heading(text, line),
            HeadingLevel::H3 if self.section == Section::Documents => {
                self.group_heading(text, line);
            }
            _ => self.report.add(
                line,
                format!("unknown heading \"{text}\": only the fixed ## sections and ### document groups are allowed"),
            ),
        }
    }

    /// A `##` heading: one of [`SECTION_HEADINGS`], each at most once and in their order.
    fn section_heading(&mut self, text: &str, line: usize) {
        let Some(i) = SECTION_HEADINGS
            .iter()
            .position(|h| h.eq_ignore_ascii_case(text))
        else {
            self.report.add(
                line,
                format!(
                    "unknown heading \"## {text}\"; expected one of: {}",
                    SECTION_HEADINGS.join(", ")
                ),
            );
            return;
        };
        if self.seen.contains(&i) {
            self.report
                .add(line, format!("section \"{text}\" appears twice"));
        } else if self.seen.last().is_some_and(|&last| last > i) {
            self.report.add(
                line,
                format!(
                    "section \"{text}\" is out of order; the order is: {}",
                    SECTION_HEADINGS.join(", ")
                ),
            );
        }
        self.seen.push(i);
        self.section = [
            Section::Documents,
            Section::Steps,
            Section::Conditions,
            Section::Notes,
        ][i];
    }

    /// A `###` heading of the checklist: the kind of its group is read from its first words.
    fn group_heading(&mut self, text: &str, line: usize) {
        let lower = text.to_lowercase();
        let kind = if lower.starts_with("giấy tờ phải nộp") {
            GroupKind::Submit
        } else if lower.starts_with("giấy tờ phải xuất trình") {
            GroupKind::Show
        } else if lower.starts_with("trường hợp") {
            GroupKind::Case
        } else {
            self.report.add(
                line,
                format!(
                    "unknown heading \"### {text}\"; document groups are \"Giấy tờ phải nộp\", \"Giấy tờ phải xuất trình\" or \"Trường hợp …\""
                ),
            );
            return;
        };
        self.out.documents.push(DocumentGroup {
            kind,
            title: text.to_string(),
            items: Vec::new(),
        });
    }

    /// A captured item or paragraph, added to the section it is in; an empty one is dropped.
    fn finish(&mut self, capture: Capture<'a>) {
        let Capture { events, offset } = capture;
        let text = plain_text(&events);
        if text.is_empty() {
            return;
        }
        match self.section {
            Section::Preamble => {
                let line = self.line(offset);
                self.report.add(
                    line,
                    "text before the first section heading; put the summary in the front matter",
                );
            }
            Section::Documents => self.document(text, events, offset),
            Section::Steps => self.out.steps.push(block(text, events)),
            Section::Conditions => self.out.conditions.push(block(text, events)),
            Section::Notes => self.out.notes.push(block(text, events)),
        }
    }

    /// A checklist item: its trailing markers leave the text and the HTML alike, it gets the next id,
    /// and it joins the last group (a "Giấy tờ phải nộp" group is opened when there is none yet).
    fn document(&mut self, mut text: String, mut events: Vec<Event<'a>>, offset: usize) {
        let (form, superseded) = self.markers(&mut text, &mut events, offset);
        let quantity = match split_quantity(&text) {
            Some((rest, q)) => {
                text = rest.to_string();
                strip_trailing_quantity(&mut events);
                Some(q)
            }
            None => None,
        };
        self.doc_count += 1;
        if self.out.documents.is_empty() {
            self.out.documents.push(DocumentGroup {
                kind: GroupKind::Submit,
                title: "Giấy tờ phải nộp".to_string(),
                items: Vec::new(),
            });
        }
        let id = format!("d{}", self.doc_count);
        if let Some(group) = self.out.documents.last_mut() {
            group.items.push(DocumentItem {
                id,
                text,
                html: render_events(events),
                quantity,
                superseded,
                form,
            });
        }
    }

    /// Takes the `{form = "…"}` and `{superseded = "…"}` markers off the end of an item (either order)
    /// and returns their values, reporting an empty one.
    fn markers(
        &mut self,
        text: &mut String,
        events: &mut [Event<'a>],
        offset: usize,
    ) -> (Option<String>, Option<String>) {
        let mut form = None;
        for _ in 0..2 {
            if let Some((rest, id)) = split_marker(text, "form") {
                let id = id.to_string();
                *text = rest.to_string();
                strip_trailing(events, "form");
                if id.is_empty() {
                    let line = self.line(offset);
                    self.report
                        .add(line, "`form` needs the id of a form (forms/ID.toml)");
                }
                form = Some(id);
            }
            if split_superseded(text).is_some() {
                break;
            }
        }
        let superseded = match split_superseded(text) {
            Some((rest, reason)) => {
                let reason = reason.to_string();
                *text = rest.to_string();
                strip_trailing_marker(events);
                if reason.is_empty() {
                    let line = self.line(offset);
                    self.report.add(line, "`superseded` needs a reason");
                }
                Some(reason)
            }
            None => None,
        };
        (form, superseded)
    }

    /// The first two sections are required and must not be empty; reported at the body's first line
    /// since they are missing rather than wrong somewhere.
    fn check_required(&mut self) {
        for (i, name) in SECTION_HEADINGS.iter().enumerate().take(2) {
            if !self.seen.contains(&i) {
                self.report
                    .add(self.body_line, format!("missing section \"## {name}\""));
            }
        }
        if self.seen.contains(&0) && self.doc_count == 0 {
            self.report.add(
                self.body_line,
                "empty checklist: \"Thành phần hồ sơ\" lists no document",
            );
        }
        if self.seen.contains(&1) && self.out.steps.is_empty() {
            self.report
                .add(self.body_line, "\"Trình tự thực hiện\" lists no step");
        }
    }
}

/// A step, condition or note: its text and its HTML.
fn block(text: String, events: Vec<Event<'_>>) -> Block {
    Block {
        text,
        html: render_events(events),
    }
}

/// The plain text of captured events, whitespace collapsed.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes a trailing `{key = "…"}` marker from the last text event so that the HTML matches the text.
fn strip_trailing(events: &mut [Event<'_>], key: &str) {
    if let Some(Event::Text(t)) = events
        .iter_mut()
        .rev()
        .find(|e| matches!(e, Event::Text(_)))
        && let Some((rest, _)) = split_marker(t, key)
    {
        *t = CowStr::from(rest.to_string());
    }
}

/// Removes the `{superseded = "…"}` marker from the last text event so that the HTML matches the text.
fn strip_trailing_marker(events: &mut [Event<'_>]) {
    if let Some(Event::Text(t)) = events
        .iter_mut()
        .rev()
        .find(|e| matches!(e, Event::Text(_)))
        && let Some((rest, _)) = split_superseded(t)
    {
        *t = CowStr::from(rest.to_string());
    }
}

/// Removes the "(1 bản chính)" suffix from the last text event so that the HTML matches the text.
fn strip_trailing_quantity(events: &mut [Event<'_>]) {
    if let Some(Event::Text(t)) = events
        .iter_mut()
        .rev()
        .find(|e| matches!(e, Event::Text(_)))
        && let Some((rest, _)) = split_quantity(t)
    {
        *t = CowStr::from(rest.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> (Body, Vec<String>) {
        let mut report = Report {
            file: "t.md",
            problems: Vec::new(),
        };
        let out = BodyParser::new(body, 10, &mut report).parse();
        let problems = report
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.line.unwrap_or(0), p.message))
            .collect();
        (out, problems)
    }

    #[test]
    fn refused_block_is_skipped_to_its_end_and_nested_lists_stay_in_their_item() {
        let body = "## Thành phần hồ sơ:\n\n> - quoted\n>   - deeper\n\n- Tờ khai\n  - kèm ảnh\n- Ảnh (2 bản chính) {form = \"\"}\n\n## Trình tự `thực hiện`\n\n1. Nộp\n";
        let (out, problems) = parse(body);
        assert_eq!(
            problems,
            [
                "12: unsupported block (code, quote, table or HTML); use paragraphs and lists",
                "17: `form` needs the id of a form (forms/ID.toml)",
            ]
        );
        let items = &out.documents[0].items;
        assert_eq!(items.len(), 2, "nothing of the quote is an item");
        assert!(items[0].text.starts_with("Tờ khai"), "{}", items[0].text);
        assert!(
            items[0].html.contains("<ul>") && items[0].html.contains("kèm ảnh"),
            "{}",
            items[0].html
        );
        assert_eq!(items[1].text, "Ảnh");
        assert_eq!(items[1].id, "d2");
        assert_eq!(items[1].form.as_deref(), Some(""));
        assert_eq!(items[1].quantity.as_ref().map(|q| q.count), Some(2));
        assert_eq!(out.documents[0].kind, GroupKind::Submit);
        // A heading's text is joined across code spans before it is matched.
        assert_eq!(out.steps.len(), 1);
    }
}

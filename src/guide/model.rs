//! The parsed guide: what the UI renders, the CLI prints and the index reads.
//!
//! These types are serialized as JSON across the IPC boundary and by `sotay show --json`; the UI's
//! TypeScript types are generated from them (`ui/src/lib/ipc.gen.ts`, `make ipc-types`).

use serde::{Deserialize, Serialize};

/// Administrative level that handles a procedure (no district level since 1 July 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Cấp xã: commune, ward or special zone.
    Xa,
    /// Cấp tỉnh: province or centrally-run city.
    Tinh,
    /// Cấp bộ: ministry.
    Bo,
    /// Cơ quan khác: other bodies (for example notary offices, consulates).
    Khac,
}

impl Level {
    /// Every level, in display order.
    pub const ALL: [Level; 4] = [Level::Xa, Level::Tinh, Level::Bo, Level::Khac];

    /// The identifier used in front matter and filters.
    pub fn id(self) -> &'static str {
        match self {
            Level::Xa => "xa",
            Level::Tinh => "tinh",
            Level::Bo => "bo",
            Level::Khac => "khac",
        }
    }

    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            Level::Xa => "Cấp xã",
            Level::Tinh => "Cấp tỉnh",
            Level::Bo => "Cấp bộ",
            Level::Khac => "Cơ quan khác",
        }
    }

    /// Parses an identifier (`xa`, `tinh`, `bo`, `khac`).
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// Where a guide's text comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Written and checked by the content office.
    #[default]
    Edited,
    /// Converted from the national portal's record without editing ("chưa biên tập").
    National,
}

/// How a file can be lodged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    /// Trực tiếp: in person at the desk.
    TrucTiep,
    /// Trực tuyến: online (national portal, VNeID).
    TrucTuyen,
    /// Dịch vụ bưu chính: by post.
    BuuChinh,
}

impl ChannelKind {
    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            ChannelKind::TrucTiep => "Trực tiếp",
            ChannelKind::TrucTuyen => "Trực tuyến",
            ChannelKind::BuuChinh => "Bưu chính",
        }
    }
}

/// Processing time and fee for one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Channel {
    /// The channel.
    pub channel: ChannelKind,
    /// Processing time as the record states it ("5 ngày làm việc").
    pub time: String,
    /// Fee as the record states it ("Miễn lệ phí", "8.000 đồng/bản sao").
    pub fee: String,
    /// Extra detail (cut-off hours, fee cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<String>,
    /// Why the time says "xem ghi chú" instead of a duration (required for such a time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub time_reason: Option<String>,
    /// Why the fee says "xem ghi chú" instead of an amount (required for such a fee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fee_reason: Option<String>,
    /// The last day the fee applies (`YYYY-MM-DD`), for a rate that ends on a known date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fee_valid_until: Option<String>,
    /// The rate that applies after `fee_valid_until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fee_then: Option<String>,
}

/// Which part of the documents checklist a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// Giấy tờ phải nộp: handed in and kept.
    Submit,
    /// Giấy tờ phải xuất trình: shown and handed back.
    Show,
    /// Trường hợp …: needed only in a particular case.
    Case,
}

/// Whether a document is an original, a copy, or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CopyForm {
    /// Bản chính.
    Original,
    /// Bản sao (including certified copies).
    Copy,
    /// Bản chính hoặc bản sao.
    Either,
}

/// "(1 bản chính)" parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Quantity {
    /// How many.
    pub count: u32,
    /// Original, copy or either.
    pub form: CopyForm,
    /// The words as written ("bản sao có chứng thực").
    pub label: String,
}

/// One paper of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentItem {
    /// Stable id within the guide (`d1`, `d2`, …), used by the UI's checklist.
    pub id: String,
    /// Plain text without the quantity.
    pub text: String,
    /// Sanitized HTML of the same text. Inside the core a handbook leaves it empty when it is only
    /// the text escaped; a guide handed out ([`Guide::for_display`]) always has it.
    pub html: String,
    /// Quantity and form, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub quantity: Option<Quantity>,
    /// Why the paper is no longer asked for (sổ hộ khẩu since 2023…): the record still lists it, the
    /// handbook shows it struck through with this reason and never counts it as required or missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub superseded: Option<String>,
    /// The official form to fill for this paper (`{form = "ct01"}`), the id of a `forms/*.toml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub form: Option<String>,
}

/// A legal text the record still lists although it is repealed or does not apply, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Superseded {
    /// The text as the record names it.
    pub text: String,
    /// Why it no longer applies ("thay bằng Luật Cư trú số 68/2020/QH14 từ 01/7/2021").
    pub reason: String,
}

/// A heading of the checklist and its papers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentGroup {
    /// Submit, show, or a particular case.
    pub kind: GroupKind,
    /// The heading as written ("Giấy tờ phải nộp", "Trường hợp …").
    pub title: String,
    /// The papers.
    pub items: Vec<DocumentItem>,
}

/// A paragraph or list item of free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Block {
    /// Plain text.
    pub text: String,
    /// Sanitized HTML. Inside the core a handbook leaves it empty when it is only the text escaped;
    /// a guide handed out ([`Guide::for_display`]) always has it.
    pub html: String,
}

/// One procedure guide, parsed and validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Guide {
    /// National code, e.g. `1.000894`.
    pub code: String,
    /// Short plain title.
    pub title: String,
    /// Official name on the national portal.
    pub official_title: String,
    /// One or two plain sentences: who, where, what they get.
    pub summary: String,
    /// Field (lĩnh vực).
    pub field: String,
    /// Levels that handle it.
    pub levels: Vec<Level>,
    /// The agency that decides.
    pub agency: String,
    /// Who may apply.
    pub applicants: Vec<String>,
    /// Publishing decision (quyết định công bố).
    pub decision: String,
    /// What the citizen receives.
    pub results: Vec<String>,
    /// Legal documents in force, with their numbers.
    pub legal_basis: Vec<String>,
    /// Legal documents the record lists that are repealed or do not apply, each with the reason; shown
    /// struck through, never as a basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub legal_basis_superseded: Vec<Superseded>,
    /// Everyday names ("còn gọi là").
    pub aliases: Vec<String>,
    /// How people actually ask for it ("bố tôi mất thì làm giấy tờ gì"): searched like aliases, shown
    /// nowhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub questions: Vec<String>,
    /// Life event ids.
    pub life_events: Vec<String>,
    /// Related procedure codes.
    pub related: Vec<String>,
    /// When this procedure, and not a look-alike, is the right one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub choose_when: Option<String>,
    /// Date the guide was checked against the national record (`YYYY-MM-DD`).
    pub updated: String,
    /// The code that replaces this procedure, if it was abolished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub replaced_by: Option<String>,
    /// The procedure's page on the national portal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub portal_url: Option<String>,
    /// Edited by the content office, or converted from the national record without editing.
    #[serde(default)]
    pub origin: Origin,
    /// For a converted record: the month of the national portal's data it comes from (`YYYY-MM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub record_date: Option<String>,
    /// The ministry whose part of the national catalogue lists the procedure ("Bộ Tư pháp").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ministry: Option<String>,
    /// Time and fee per channel.
    pub channels: Vec<Channel>,
    /// The documents checklist.
    pub documents: Vec<DocumentGroup>,
    /// Ordered steps.
    pub steps: Vec<Block>,
    /// Requirements and conditions.
    pub conditions: Vec<Block>,
    /// Practical notes.
    pub notes: Vec<Block>,
    /// The file it came from, relative to the content root.
    pub source: String,
}

/// The HTML a plain text renders to: what every item of a converted record holds.
fn plain_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Guide {
    /// Every text and HTML pair: the checklist's items, the steps, the conditions and the notes.
    fn html_pairs(&mut self) -> impl Iterator<Item = (&String, &mut String)> {
        let items = self
            .documents
            .iter_mut()
            .flat_map(|d| d.items.iter_mut())
            .map(|i| (&i.text, &mut i.html));
        let blocks = self
            .steps
            .iter_mut()
            .chain(self.conditions.iter_mut())
            .chain(self.notes.iter_mut())
            .map(|b| (&b.text, &mut b.html));
        items.chain(blocks)
    }

    /// Leaves out every HTML that is only its text escaped. Why: half of a converted record is its
    /// text again as HTML, about 11 MB of the full catalogue's resident memory and of its snapshot; a
    /// handbook keeps its guides this way and [`Guide::for_display`] puts the HTML back.
    pub(crate) fn compact_html(&mut self) {
        for (text, html) in self.html_pairs() {
            if !html.is_empty() && *html == plain_html(text) {
                html.clear();
            }
        }
    }

    /// The guide as it is shown (to the app, to `sotay show --json`): with the HTML that
    /// [`Guide::compact_html`] left out put back.
    pub fn for_display(&self) -> Guide {
        let mut g = self.clone();
        for (text, html) in g.html_pairs() {
            if html.is_empty() && !text.is_empty() {
                *html = plain_html(text);
            }
        }
        g
    }

    /// For a guide converted from a national record, what it is and how old its data is:
    /// "Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập". `None` for an edited guide.
    pub fn provenance(&self) -> Option<String> {
        if self.origin != Origin::National {
            return None;
        }
        let month = self
            .record_date
            .as_deref()
            .and_then(|d| d.split_once('-'))
            .map(|(year, month)| format!(", {month}/{year}"))
            .unwrap_or_default();
        Some(format!(
            "Theo dữ liệu Cổng Dịch vụ công quốc gia{month} — chưa biên tập"
        ))
    }

    /// All checklist items, in order.
    pub fn document_items(&self) -> impl Iterator<Item = &DocumentItem> {
        self.documents.iter().flat_map(|g| g.items.iter())
    }

    /// The checklist items still asked for: all but the superseded ones.
    pub fn current_items(&self) -> impl Iterator<Item = &DocumentItem> {
        self.document_items().filter(|d| d.superseded.is_none())
    }

    /// The text that the body field of the index holds: summary, documents, steps, conditions, notes,
    /// results, agency and applicants.
    pub fn body_text(&self) -> String {
        let mut parts: Vec<&str> = vec![&self.summary, &self.agency];
        parts.extend(self.results.iter().map(String::as_str));
        parts.extend(self.applicants.iter().map(String::as_str));
        parts.extend(self.document_items().map(|d| d.text.as_str()));
        for blocks in [&self.steps, &self.conditions, &self.notes] {
            parts.extend(blocks.iter().map(|b| b.text.as_str()));
        }
        parts.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, html: &str) -> Block {
        Block {
            text: text.to_string(),
            html: html.to_string(),
        }
    }

    #[test]
    fn compacted_html_is_put_back_for_display_and_markup_is_kept() {
        let src = include_str!("../../content/ho-tich/dang-ky-ket-hon.md");
        let mut g = crate::guide::parse_guide("ket-hon.md", &crate::text::normalize(src))
            .expect("the guide parses");
        assert!(g.documents.iter().any(|d| !d.items.is_empty()));
        g.steps = vec![
            block(
                "Nộp tờ khai & giấy tờ <bản chính>",
                "Nộp tờ khai &amp; giấy tờ &lt;bản chính&gt;",
            ),
            block(
                "Nhận Giấy chứng nhận kết hôn",
                "Nhận <strong>Giấy chứng nhận kết hôn</strong>",
            ),
        ];
        g.notes = vec![block("", "")];
        let full = g.clone();
        g.compact_html();
        assert_eq!(g.steps[0].html, "", "plain HTML is left out");
        assert_eq!(
            g.steps[1].html, full.steps[1].html,
            "HTML with markup is kept"
        );
        assert_eq!(g.for_display(), full);
        // Compacting twice, or a guide already shown, changes nothing.
        g.compact_html();
        assert_eq!(g.for_display().for_display(), full);
    }
}

//! The handbook's data files besides the guides: manifest, life events, look-alike families, glossary and
//! locality profile. Each is a small TOML file documented in `content/README.md`.

use serde::{Deserialize, Serialize};

/// `handbook.toml`: what this handbook is and how strictly `sotay check` judges it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Display name.
    pub name: String,
    /// Content version, increasing with every published update.
    pub version: u64,
    /// Date of this version (`YYYY-MM-DD`).
    #[serde(with = "date_string")]
    pub date: String,
    /// Where the facts come from.
    pub source: String,
    /// Editorial rules checked by `sotay check`.
    #[serde(default)]
    pub rules: Rules,
}

/// Editorial rules; the bundled handbook turns them all on, an imported corpus may not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// Fewest everyday names per guide.
    pub min_aliases: usize,
    /// Fewest example questions (how people ask for it) per guide.
    pub min_questions: usize,
    /// Every guide must belong to at least one life event.
    pub require_life_events: bool,
    /// Guides may not name the abolished district level or contain placeholder text.
    pub plain_language: bool,
}

/// Serializes a TOML date as `YYYY-MM-DD` text.
mod date_string {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(super) fn serialize<S: Serializer>(value: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time) {
            (Some(date), None) => Ok(format!(
                "{:04}-{:02}-{:02}",
                date.year, date.month, date.day
            )),
            _ => Err(D::Error::custom("expected a date like 2026-11-28")),
        }
    }
}

/// A life event (sự kiện cuộc sống) used to browse procedures by situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LifeEvent {
    /// Identifier used by guides' `life_events`.
    pub id: String,
    /// Short name ("Kết hôn").
    pub name: String,
    /// A plain sentence describing what it covers.
    pub description: String,
}

/// Procedures people confuse, with the question the UI asks to tell them apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// Identifier.
    pub id: String,
    /// Name of the group.
    pub name: String,
    /// The question shown in the chooser ("Bạn cần đăng ký lại giấy tờ nào?").
    pub question: String,
    /// Member codes; each member's guide has a `choose_when` line.
    pub members: Vec<String>,
}

/// What kind of glossary entry a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    /// An abbreviation (CCCD, UBND).
    VietTat,
    /// An old term no longer official (hộ khẩu, CMND, KT3).
    TuCu,
    /// A technical term that needs explaining (trích lục, chứng thực).
    ThuatNgu,
    /// An everyday phrase, used only to understand queries (lấy vợ, mới đẻ).
    CachNoi,
}

/// One glossary entry: explained in the UI, and expanded in queries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term as written ("CCCD", "sổ đỏ").
    pub term: String,
    /// Abbreviation, old term, technical term or everyday phrase.
    pub kind: TermKind,
    /// Its current meaning, in plain words.
    pub meaning: String,
    /// Other spellings.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Search words added to a query that contains the term.
    #[serde(default)]
    pub expand: Vec<String>,
    /// The meaning states a legal fact (a date, an age, a time limit, a right or duty): it must name
    /// its `source`. Entries that only explain a word leave it out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub legal: bool,
    /// Where the legal fact is written ("Điều 46, Luật Căn cước số 26/2023/QH15").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub source: Option<String>,
}

/// `locality.toml`: the office that deploys the handbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Locality {
    /// True for the shipped sample: the UI labels it as sample data.
    #[serde(default)]
    pub sample: bool,
    /// The receiving desk.
    pub office: Office,
    /// Where petitions about procedures go.
    pub petitions: Office,
}

/// Contact details of an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Phone number.
    pub phone: String,
    /// Email address.
    #[serde(default)]
    pub email: String,
    /// Opening hours, in words.
    #[serde(default)]
    pub hours: String,
}

/// `life-events.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LifeEventsFile {
    #[serde(default)]
    pub(crate) event: Vec<LifeEvent>,
}

/// `families.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FamiliesFile {
    #[serde(default)]
    pub(crate) family: Vec<Family>,
}

/// `glossary.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlossaryFile {
    #[serde(default)]
    pub(crate) term: Vec<Term>,
}

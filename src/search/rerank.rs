//! Second-stage ranking of the leading BM25 candidates.
//!
//! BM25 rewards guides whose long body repeats the query's words, so "Đăng ký kết hôn lưu động" can outscore
//! "Đăng ký kết hôn" for the query "đăng ký kết hôn". People name a procedure by its title or an everyday
//! alias; the re-ranker adds how much of a title (or of the best alias) the query covers, and how much of the
//! query the title and aliases explain, to the BM25 score scaled to the best candidate.
//!
//! Then a prior: the national catalogue holds the same procedure at commune, province and central level,
//! and near-twins for foreigners, organisations or the armed forces. When a query names no level and no
//! audience, a commune desk's citizen means the commune-level procedure for Vietnamese citizens; the
//! prior adds a small bonus for the office's level, for the audience the query names (citizens when it
//! names none) and for guides an editor has checked. It is small on purpose: it decides between guides
//! that are otherwise close, and never lifts a guide the query does not name.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::analyze::{Analysis, Source};
use super::query::Weights;
use crate::guide::{Guide, Level, Origin};
use crate::lang::{Audience, Lexicon, audiences_of};
use crate::text::{fold, syllables};

/// A token weighs at least this much to count as a content word of the query in name coverage.
const CONTENT_WEIGHT: f32 = 0.5;

/// What the re-ranker knows of a guide, prepared once at index time.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Names {
    title: Words,
    aliases: Vec<Words>,
    /// Every syllable of the title, the official title and the aliases, sorted, each once.
    all: Words,
    levels: Vec<Level>,
    audiences: Vec<Audience>,
    edited: bool,
    /// The words a query would ask for the title's changes by ([`CHANGES`], folded); empty for a
    /// procedure that starts something.
    changes: Vec<Words>,
    /// The [`QUALIFIERS`] the title holds (their positions in the list).
    #[serde(default)]
    qualified: Vec<u8>,
    /// The title's first words say it changes something already issued or registered: one of
    /// [`CHANGES`] or of [`ALTERS`].
    #[serde(default)]
    alters: bool,
}

/// Besides [`CHANGES`], title words that say a procedure alters what exists: a query asking for a
/// change ("làm lại", "sửa lại") may mean any of them.
const ALTERS: &[&str] = &[
    "thay đổi",
    "điều chỉnh",
    "đính chính",
    "cải chính",
    "bổ sung",
    "trở lại",
    "đổi",
    "chuyển",
    "bản sao",
    "trích lục",
];

/// The [`QUALIFIERS`] a title holds as whole words, with their marks (their positions in the list).
fn qualified(title: &str) -> Vec<u8> {
    let words = syllables(&title.to_lowercase());
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    (0u8..)
        .zip(QUALIFIERS)
        .filter(|(_, (q, _))| holds_phrase(&words, q))
        .map(|(i, _)| i)
        .collect()
}

/// Whether a title's first words ([`CHANGE_AT`]) hold any of `phrases`, with their marks.
fn heads_with(title: &str, phrases: impl IntoIterator<Item = &'static str>) -> bool {
    let head = head_of(title);
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    phrases.into_iter().any(|c| holds_phrase(&head, c))
}

/// How a query names the case a title is qualified to.
#[derive(Debug, Clone, Copy)]
enum Named {
    /// One of these folded phrases, typed or in what the glossary and the situations read the
    /// query as.
    By(&'static [&'static str]),
    /// A young child, typed ([`asks_for_a_child`]).
    YoungChild,
}

/// Words of a title that narrow a procedure to a case (with their marks), and how a query names
/// that case. A title that holds one answers a query that names none of them only if nothing else
/// does: the residence record "… đối với người chưa đủ điều kiện đăng ký thường trú" is for people
/// with no place to register, not for "nhập hộ khẩu"; "Đăng ký khai tử lưu động" is for an officer
/// who comes to the house; "làm thẻ căn cước" means the card for anyone over 14, and "làm căn cước
/// cho con" may too; a copy of a certified transaction is for a query about a contract; an
/// accident at work is a first one unless the query says it is another or a relapse.
const QUALIFIERS: &[(&str, Named)] = &[
    (
        "chưa đủ điều kiện",
        Named::By(&[
            "chua du dieu kien",
            "khong du dieu kien",
            "khong co noi o",
            "khong co cho o",
            "khong co noi thuong tru",
            "khong co ho khau",
            "chua co ho khau",
            "khong co nha",
            "vo gia cu",
            "khong co dia chi",
        ]),
    ),
    ("lưu động", Named::By(&["luu dong"])),
    (
        "giao dịch đã được chứng thực",
        Named::By(&["hop dong", "giao dich", "van ban thoa thuan"]),
    ),
    (
        "tiếp tục bị",
        Named::By(&[
            "tiep tuc",
            "lan thu hai",
            "lan hai",
            "lan nua",
            "lai bi",
            "bi lai",
            "bi them",
        ]),
    ),
    (
        "tái phát",
        Named::By(&["tai phat", "tro lai", "tro nang", "lai bi", "bi lai"]),
    ),
    ("dưới 14 tuổi", Named::YoungChild),
    // A bundle ("Liên thông … đăng ký khai sinh, … cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi") answers
    // a query about a birth; one about a health card alone means the card.
    (
        "liên thông",
        Named::By(&[
            "lien thong",
            "khai sinh",
            "moi sinh",
            "sinh con",
            "moi de",
            "so sinh",
        ]),
    ),
];

/// Whether a query names a young child: an age under 14 ("9 tuổi", "10 tuoi", "8 tháng") or a word
/// for one ("dưới", "trẻ em", "bé", "nhỏ"), folded.
fn asks_for_a_child(folded: &[&str]) -> bool {
    let young = |n: &str, unit: &str| {
        n.parse::<u32>().is_ok_and(|n| n < 14) && (unit == "tuoi" || unit == "thang")
    };
    folded.windows(2).any(|w| young(w[0], w[1]))
        || folded
            .iter()
            .any(|w| ["duoi", "tre", "be", "nho"].contains(w))
}

/// How a procedure's title says it replaces, modifies or ends something already issued, and the
/// words by which a query asks for that: a re-issue ("cấp lại", "đăng ký lại": "lại"), an exchange
/// ("cấp đổi": "đổi"), a loss ("mất"), an extension ("gia hạn": "hạn"), a restoration, a withdrawal.
/// Titles are matched with their marks ("lại" of "cấp lại", not the "lái" of "giấy phép lái xe"). A
/// modification ("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Đăng ký cập nhật, bổ sung thông
/// tin …") is asked for by any of [`MODIFY`], an adjustment ("Điều chỉnh quyết định giao đất …") by
/// a word of correction: "đăng ký hộ kinh doanh bán quần áo" asks for the registration itself, and
/// "chuyển đổi đất vườn thành đất ở" for the land-use change.
const CHANGES: &[(&str, &[&str])] = &[
    ("cấp lại", &["lại"]),
    ("đăng ký lại", &["lại"]),
    ("cấp đổi", &["đổi"]),
    ("mất", &["mất"]),
    ("gia hạn", &["hạn"]),
    ("khôi phục", &["khôi phục"]),
    ("thu hồi", &["thu hồi"]),
    ("hủy", &["hủy"]),
    (
        "điều chỉnh",
        &["chỉnh", "sửa", "sai", "thay đổi", "cập nhật"],
    ),
    ("thay đổi", MODIFY),
    ("cập nhật", MODIFY),
];

/// How a title says it ends or takes back something ("Dừng thực hiện thủ tục đăng ký hộ kinh doanh",
/// "Chấm dứt hoạt động hộ kinh doanh", "Xóa đăng ký thường trú", "Thôi quốc tịch"), and the words by
/// which a query asks for that: "đăng ký hộ kinh doanh" asks to start one. Unlike [`CHANGES`], an end
/// does not alter what exists: a query asking to redo something ("làm lại") does not mean it. "đóng"
/// closes a shop ("đóng HKD", "đóng cửa tạm") as well as paying a premium ("đóng bảo hiểm"): it only
/// spares a title the penalty, and a premium query does not name a closing title's other words.
const ENDS: &[(&str, &[&str])] = &[
    ("dừng", &["dừng", "ngừng", "thôi", "nghỉ", "hủy", "đóng"]),
    ("tạm ngừng", &["ngừng", "nghỉ", "dừng", "đóng"]),
    (
        "chấm dứt",
        &[
            "chấm dứt",
            "dừng",
            "ngừng",
            "thôi",
            "nghỉ",
            "giải thể",
            "đóng",
        ],
    ),
    (
        "giải thể",
        &[
            "giải thể",
            "chấm dứt",
            "dừng",
            "ngừng",
            "thôi",
            "nghỉ",
            "đóng",
        ],
    ),
    ("thôi", &["thôi", "bỏ"]),
    ("xóa", &["xóa", "cắt", "bỏ", "hủy", "rút"]),
    ("rút", &["rút"]),
];

/// The words by which a query asks to modify what exists.
const MODIFY: &[&str] = &[
    "đổi",
    "chuyển",
    "sửa",
    "thêm",
    "bớt",
    "bổ sung",
    "sai",
    "chỉnh",
    "cập nhật",
    "khác",
    "lại",
    "tăng",
    "giảm",
    "mở rộng",
    "thu hẹp",
];

/// Syllables at the start of a title that say what the procedure does ("Cấp lại …", "Trình báo mất
/// …", "Gia hạn …"); a change named further on is a detail of a long title ("Giao đất, cho thuê đất, …
/// không đấu giá …"), not what it does.
const CHANGE_AT: usize = 4;

/// The query words (folded) by which a query would ask for each change a title names.
fn changes(title: &str) -> Vec<Words> {
    let head = head_of(title);
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    CHANGES
        .iter()
        .chain(ENDS)
        .filter(|(c, _)| holds_phrase(&head, c))
        .flat_map(|(_, asked)| asked.iter())
        .map(|asked| Words::new(syllables(&fold(asked))))
        .collect()
}

/// A title's first words ([`CHANGE_AT`]), lowercased with their marks: where it says what it does.
fn head_of(title: &str) -> Vec<String> {
    let mut exact = syllables(&title.to_lowercase());
    exact.truncate(CHANGE_AT);
    exact
}

/// Folded syllables joined by single spaces. One string per name instead of one per syllable: the
/// catalogue's names hold some 150,000 syllables, and a `String` each cost about 8 MB of the app's
/// memory. Syllables never hold a space, so splitting gives them back.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
struct Words(String);

impl Words {
    fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Words {
        let mut joined = String::new();
        for w in words {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(w.as_ref());
        }
        joined.shrink_to_fit();
        Words(joined)
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split(' ').filter(|w| !w.is_empty())
    }
}

impl Names {
    pub(super) fn new(g: &Guide, lexicon: &Lexicon) -> Names {
        let words = |s: &str| syllables(&fold(s));
        let title = words(&g.title);
        let mut aliases: Vec<Vec<String>> = g.aliases.iter().map(|a| words(a)).collect();
        // A title with abbreviations is also named by their spelled-out form.
        if let Some(spelled) = lexicon.spell_out(&g.title) {
            aliases.push(words(&spelled));
        }
        let mut all: HashSet<String> = title.iter().cloned().collect();
        all.extend(words(&g.official_title));
        if let Some(spelled) = lexicon.spell_out(&g.official_title) {
            all.extend(words(&spelled));
        }
        all.extend(aliases.iter().flatten().cloned());
        let mut all: Vec<String> = all.into_iter().collect();
        all.sort();
        Names {
            title: Words::new(&title),
            aliases: aliases.iter().map(Words::new).collect(),
            all: Words::new(&all),
            levels: g.levels.clone(),
            audiences: audiences_of(
                &g.title,
                &g.official_title,
                &g.applicants,
                g.steps.first().map_or("", |s| s.text.as_str()),
            ),
            edited: g.origin == Origin::Edited,
            changes: changes(&g.title),
            qualified: qualified(&g.title),
            alters: heads_with(
                &g.title,
                CHANGES
                    .iter()
                    .map(|(c, _)| *c)
                    .chain(ALTERS.iter().copied()),
            ),
        }
    }

    /// Who the procedure is for.
    pub(super) fn audiences(&self) -> &[Audience] {
        &self.audiences
    }
}

/// The words of a query, for name coverage.
pub(super) struct QueryWords {
    /// Each typed syllable (folded) with the sum of its weights (a word typed twice counts twice).
    typed: HashMap<String, f32>,
    /// The sum of every typed syllable's weight.
    typed_total: f32,
    /// Every content word the query stands for: typed, decoded and expanded by the glossary.
    all: HashSet<String>,
    /// The content words typed or decoded, without the glossary's.
    own: HashSet<String>,
    /// For each word of a reading of the query, the readings that hold it, one bit each: first the
    /// glossary's phrases, then the situations' (see [`QueryWords::set_readings`]). A name is covered
    /// by the typed words and one reading at a time.
    masks: HashMap<String, u32>,
    /// How many of the bits are glossary readings.
    glossary_readings: usize,
    /// How many bits are used, glossary and situation readings together.
    readings: usize,
    /// The words recognised situations add.
    situation: HashSet<String>,
    /// The word being typed (folded), when searching as you type: a name word it starts counts.
    prefix: Option<String>,
    /// For each of [`QUALIFIERS`], whether the query names its case.
    qualifiers: Vec<bool>,
    /// The query asks for a change ([`CHANGES`]) in so many words: typed ("cấp lại", "gia hạn") or
    /// read by the glossary or a situation ("làm lại" → "cấp lại").
    asks_change: bool,
}

/// Whether a sequence of words holds a phrase (its words split by single spaces), compared as they
/// are: folded with folded, marked with marked.
fn holds_phrase(words: &[&str], phrase: &str) -> bool {
    // Without collecting the phrase's words: this runs for every qualifier and change, per query.
    let n = phrase.split(' ').count();
    words
        .windows(n)
        .any(|w| w.iter().copied().eq(phrase.split(' ')))
}

/// What a query says, folded: the words typed, and each phrase the glossary and the situations
/// read it as.
struct Said<'a> {
    typed: Vec<&'a str>,
    read: Vec<Vec<&'a str>>,
}

impl<'a> Said<'a> {
    fn of(a: &'a Analysis) -> Said<'a> {
        Said {
            typed: a.tokens.iter().map(|t| t.folded.as_str()).collect(),
            read: a
                .expansions
                .iter()
                .flat_map(|e| &e.phrases)
                .map(|p| p.iter().map(|t| t.folded.as_str()).collect())
                .collect(),
        }
    }

    /// Whether a folded phrase is typed or in one of the readings.
    fn holds(&self, phrase: &str) -> bool {
        holds_phrase(&self.typed, phrase) || self.read.iter().any(|r| holds_phrase(r, phrase))
    }
}

/// For each of [`QUALIFIERS`], whether the query names its case.
fn qualifiers_named(said: &Said<'_>) -> Vec<bool> {
    QUALIFIERS
        .iter()
        .map(|(_, named)| match named {
            Named::By(phrases) => phrases.iter().any(|q| said.holds(q)),
            Named::YoungChild => asks_for_a_child(&said.typed),
        })
        .collect()
}

/// Whether the query asks for one of [`CHANGES`] in so many words: the whole phrase typed, or in
/// one of the phrases the glossary and the situations read it as. "mất" does not count: it is as
/// often a death as a loss, and a loss is read as "cấp lại" by the situations.
fn asks_change(said: &Said<'_>) -> bool {
    static FOLDED: OnceLock<Vec<String>> = OnceLock::new();
    FOLDED
        .get_or_init(|| {
            (CHANGES.iter())
                .filter(|(c, _)| *c != "mất")
                .map(|(c, _)| fold(c))
                .collect()
        })
        .iter()
        .any(|c| said.holds(c))
}

/// At most this many readings of a query count for name cover (bits of [`QueryWords::masks`]).
const MAX_READINGS: usize = 32;

impl QueryWords {
    /// Sets the readings of the query: the words of each glossary phrase, then of each situation
    /// phrase. Readings past [`MAX_READINGS`] are left out.
    fn set_readings(&mut self, glossary: Vec<HashSet<String>>, situation: Vec<HashSet<String>>) {
        self.masks.clear();
        self.glossary_readings = glossary.len().min(MAX_READINGS);
        let all: Vec<HashSet<String>> = glossary.into_iter().chain(situation).collect();
        self.readings = all.len().min(MAX_READINGS);
        for (bit, words) in all.into_iter().take(MAX_READINGS).enumerate() {
            for w in words {
                *self.masks.entry(w).or_default() |= 1 << bit;
            }
        }
    }

    fn has(&self, word: &str) -> bool {
        self.all.contains(word) || self.prefix.as_deref().is_some_and(|p| word.starts_with(p))
    }

    fn has_with_situation(&self, word: &str) -> bool {
        self.has(word) || self.situation.contains(word)
    }
}

/// The folded syllables the query stands for: typed, decoded and expanded; with `prefix`, the last
/// typed word is also a prefix.
pub(super) fn query_words(a: &Analysis, prefix: bool) -> QueryWords {
    let mut typed: HashMap<String, f32> = HashMap::default();
    for t in &a.tokens {
        *typed.entry(t.folded.clone()).or_default() += t.weight;
    }
    let typed_total = a.tokens.iter().map(|t| t.weight).sum();
    let mut all: HashSet<String> = a
        .tokens
        .iter()
        .filter(|t| t.weight >= CONTENT_WEIGHT)
        .map(|t| t.folded.clone())
        .collect();
    if let Some(d) = &a.decoded {
        all.extend(
            d.iter()
                .filter(|t| t.weight >= CONTENT_WEIGHT)
                .map(|t| t.folded.clone()),
        );
    }
    let own = all.clone();
    let mut situation = HashSet::default();
    let mut readings = Vec::new();
    let mut situation_readings = Vec::new();
    for e in &a.expansions {
        let words = e.phrases.iter().flatten().map(|t| t.folded.clone());
        let phrases = e
            .phrases
            .iter()
            .map(|p| p.iter().map(|t| t.folded.clone()).collect());
        match e.source {
            Source::Glossary => {
                all.extend(words);
                readings.extend(phrases);
            }
            Source::Situation => {
                situation.extend(words);
                situation_readings.extend(phrases);
            }
        }
    }
    let prefix = a
        .tokens
        .last()
        .filter(|t| prefix && t.folded.chars().count() >= 2)
        .map(|t| t.folded.clone());
    let said = Said::of(a);
    let mut words = QueryWords {
        qualifiers: qualifiers_named(&said),
        asks_change: asks_change(&said),
        typed,
        typed_total,
        all,
        own,
        masks: HashMap::default(),
        glossary_readings: 0,
        readings: 0,
        situation,
        prefix,
    };
    words.set_readings(readings, situation_readings);
    words
}

/// How completely the query names the guide. What a person typed (and the glossary's reading of it)
/// counts fully; with the vocabulary of recognised situations it counts by `situation` (a reading of
/// what was said must not outweigh what was said).
pub(super) fn name_cover(names: &Names, query: &QueryWords, situation: f32) -> f32 {
    let n = query.readings;
    // The best share of a name (title or alias) for the typed words alone, and for them with each
    // reading: one pass over each name's words, one lookup per word.
    let mut own_best = 0.0f32;
    let mut best = [0.0f32; MAX_READINGS];
    let mut each = |name: &Words| {
        let (mut len, mut own) = (0u32, 0u32);
        let mut counts = [0u32; MAX_READINGS];
        for w in name.iter() {
            len += 1;
            let typed =
                query.own.contains(w) || query.prefix.as_deref().is_some_and(|p| w.starts_with(p));
            let mask = if typed {
                u32::MAX
            } else {
                query.masks.get(w).copied().unwrap_or(0)
            };
            own += u32::from(typed);
            if mask != 0 {
                for (i, c) in counts.iter_mut().enumerate().take(n) {
                    *c += (mask >> i) & 1;
                }
            }
        }
        if len == 0 {
            return;
        }
        own_best = own_best.max(own as f32 / len as f32);
        for (b, c) in best.iter_mut().zip(&counts).take(n) {
            *b = b.max(*c as f32 / len as f32);
        }
    };
    each(&names.title);
    names.aliases.iter().for_each(&mut each);
    let split = query.glossary_readings;
    let typed = best[..split].iter().copied().fold(own_best, f32::max);
    let read = best[split..n].iter().copied().fold(0.0, f32::max);
    typed.max(situation * read)
}

/// Where the query points: the level and audiences it names, or the office's level and citizens.
#[derive(Debug, Clone)]
pub(super) struct Target {
    levels: Vec<Level>,
    audiences: Vec<Audience>,
}

impl Target {
    pub(super) fn new(a: &Analysis, office: Level) -> Target {
        Target {
            levels: if a.levels.is_empty() {
                vec![office]
            } else {
                a.levels.clone()
            },
            audiences: if a.audiences.is_empty() {
                vec![Audience::Citizen]
            } else {
                a.audiences.clone()
            },
        }
    }
}

/// The prior of a guide: level, audience, edited, and a change the query does not ask for.
fn prior(names: &Names, query: &QueryWords, target: &Target, w: &Weights) -> f32 {
    // A title that replaces or changes something ("Cấp lại thẻ căn cước", "Trình báo mất hộ chiếu")
    // answers a query that names none of its changes only if nothing else does: "làm hộ chiếu cho
    // con" asks for the passport itself.
    let unasked = (!names.changes.is_empty()
        && !names
            .changes
            .iter()
            .any(|c| c.iter().all(|s| query.has_with_situation(s))))
        || names
            .qualified
            .iter()
            .any(|&i| !query.qualifiers.get(usize::from(i)).copied().unwrap_or(false))
        // And a title that changes nothing answers a query that asks for a change ("làm lại cà vẹt
        // xe") only if nothing else does.
        || (!names.alters && query.asks_change);
    let level = names.levels.iter().any(|l| target.levels.contains(l));
    // A guide fits the audience when it serves one the query means, and, when the query means
    // citizens only, carries no mark of another audience (a foreign-element or armed-forces twin).
    let audience = if target.audiences == [Audience::Citizen] {
        names.audiences == [Audience::Citizen]
    } else {
        names.audiences.iter().any(|a| target.audiences.contains(a))
    };
    w.level * f32::from(u8::from(level))
        + w.audience * f32::from(u8::from(audience))
        + w.edited * f32::from(u8::from(names.edited))
        - w.change * f32::from(u8::from(unasked))
}

/// The re-ranked score of one candidate, whose [`name_cover`] is `cover`.
pub(super) fn score(
    bm25: f32,
    best: f32,
    names: &Names,
    cover: f32,
    query: &QueryWords,
    target: &Target,
    w: &Weights,
) -> f32 {
    let base = if best > 0.0 { bm25 / best } else { 0.0 };
    // The share of the typed weight that the names explain. The names' syllables are distinct, so
    // one pass over them, looking each up among the typed words, counts every typed word once.
    let explained = if query.typed_total > 0.0 {
        names
            .all
            .iter()
            .filter_map(|word| query.typed.get(word))
            .sum::<f32>()
            / query.typed_total
    } else {
        0.0
    };
    base + w.cover * cover + w.query_cover * explained + prior(names, query, target, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(title: &str) -> Names {
        let words: Vec<String> = title.split(' ').map(String::from).collect();
        Names {
            title: Words::new(&words),
            aliases: Vec::new(),
            all: Words::new(&words),
            levels: Vec::new(),
            audiences: Vec::new(),
            edited: false,
            changes: Vec::new(),
            qualified: Vec::new(),
            alters: false,
        }
    }

    fn set(words: &str) -> HashSet<String> {
        words.split(' ').map(String::from).collect()
    }

    /// A query of these folded words, with no reading, no qualifier named and no change asked.
    fn query(words: &str) -> QueryWords {
        QueryWords {
            typed: HashMap::default(),
            typed_total: 0.0,
            all: set(words),
            own: set(words),
            masks: HashMap::default(),
            glossary_readings: 0,
            readings: 0,
            situation: HashSet::default(),
            prefix: None,
            qualifiers: vec![false; QUALIFIERS.len()],
            asks_change: false,
        }
    }

    /// The prior of a guide for a query, at a commune desk for a citizen, with the default weights.
    fn commune_prior(names: &Names, query: &QueryWords) -> f32 {
        let target = Target {
            levels: vec![Level::Xa],
            audiences: vec![Audience::Citizen],
        };
        prior(names, query, &target, &Weights::default())
    }

    /// The names of a title (folded words), with its qualifiers.
    fn titled(title: &str) -> Names {
        let mut n = names(&fold(title));
        n.qualified = qualified(title);
        n
    }

    /// The commune prior of a guide for a query of folded words, whose naming of one qualifier's case
    /// is set by hand.
    fn prior_naming(n: &Names, q: &str, case: &str, named: bool) -> f32 {
        let mut query = query(q);
        query.qualifiers[usize::from(qualifier(case))] = named;
        commune_prior(n, &query)
    }

    /// The commune prior of a guide for a typed query of folded words, its qualifiers named as typed.
    fn typed_prior(n: &Names, q: &str) -> f32 {
        let said = Said {
            typed: q.split(' ').collect(),
            read: Vec::new(),
        };
        let mut query = query(q);
        query.qualifiers = qualifiers_named(&said);
        commune_prior(n, &query)
    }

    /// The position of a title's qualifier in [`QUALIFIERS`].
    fn qualifier(title: &str) -> u8 {
        (0u8..)
            .zip(QUALIFIERS)
            .find(|(_, (q, _))| *q == title)
            .map(|(i, _)| i)
            .expect("a qualifier")
    }

    #[test]
    fn a_name_is_covered_by_one_reading_of_the_query_at_a_time() {
        // "bố tôi là chủ hộ, vừa mất: cắt hộ khẩu" reads as "xóa đăng ký thường trú" (cắt hộ khẩu) and
        // as "điều chỉnh thông tin về cư trú" (chủ hộ). A title made of pieces of both readings is not
        // named by the query; the title one reading names entirely is.
        let readings = vec![
            set("xoa dang ky thuong tru"),
            set("dieu chinh thong tin ve cu tru"),
        ];
        let mut q = query("cat ho khau");
        q.all.extend(readings.iter().flatten().cloned());
        q.set_readings(readings.clone(), Vec::new());
        let whole = name_cover(&names("xoa dang ky thuong tru"), &q, 0.8);
        let pieces = name_cover(
            &names("khai bao thong tin ve cu tru dang ky thuong tru"),
            &q,
            0.8,
        );
        assert!((whole - 1.0).abs() < 1e-6, "{whole}");
        assert!(pieces < 0.7, "{pieces}");
        // Situations are read the same way, and count by their factor.
        let mut q = query("cat ho khau");
        q.situation = readings.iter().flatten().cloned().collect();
        q.set_readings(Vec::new(), readings);
        let whole = name_cover(&names("xoa dang ky thuong tru"), &q, 0.8);
        assert!((whole - 0.8).abs() < 1e-6, "{whole}");
        let pieces = name_cover(
            &names("khai bao thong tin ve cu tru dang ky thuong tru"),
            &q,
            0.8,
        );
        assert!(pieces < 0.6, "{pieces}");
    }

    #[test]
    fn a_procedure_for_children_needs_a_query_that_names_a_child() {
        fn words(q: &str) -> Vec<&str> {
            q.split(' ').collect()
        }
        assert!(asks_for_a_child(&words("lam can cuoc cho con 10 tuoi")));
        assert!(asks_for_a_child(&words("the can cuoc cho tre em")));
        assert!(!asks_for_a_child(&words(
            "lam the can cuoc lan dau cho con"
        )));
        assert!(!asks_for_a_child(&words("lam cccd cho con hoc lop 9")));
        assert!(!asks_for_a_child(&words("con 14 tuoi lam can cuoc")));

        let young = titled("Cấp thẻ căn cước cho người dưới 14 tuổi");
        assert_eq!(young.qualified, vec![qualifier("dưới 14 tuổi")]);
        let any = titled("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên");
        let p = |n: &Names, child: bool| prior_naming(n, "cap the can cuoc", "dưới 14 tuổi", child);
        assert!(p(&young, false) < p(&any, false));
        assert_eq!(p(&young, true), p(&any, true));
    }

    #[test]
    fn a_title_that_changes_nothing_loses_to_one_that_does_when_a_change_is_asked() {
        assert!(heads_with("Cấp lại chứng nhận đăng ký xe", ["cấp lại"]));
        assert!(heads_with(
            "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
            ALTERS.iter().copied()
        ));
        assert!(!heads_with(
            "Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe",
            ALTERS.iter().copied()
        ));
        let mut sale = names("cap chung nhan dang ky xe bien so xe khi thay doi chu xe");
        sale.alters = false;
        let mut reissue = names("cap lai chung nhan dang ky xe bien so xe");
        reissue.alters = true;
        let p = |n: &Names, asks: bool| {
            let mut q = query("lam lai dang ky xe");
            q.all.extend(set("cap lai"));
            q.asks_change = asks;
            commune_prior(n, &q)
        };
        assert!(p(&sale, true) < p(&reissue, true));
        assert_eq!(p(&sale, false), p(&reissue, false));
    }

    #[test]
    fn an_adjustment_needs_a_query_that_asks_for_one() {
        let title =
            "Điều chỉnh quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất";
        let mut adjust = names(&fold(title));
        adjust.changes = changes(title);
        assert_eq!(adjust.changes.len(), 5);
        let base = names("giao dat cho thue dat chuyen muc dich su dung dat");
        let p = |n: &Names, q: &str| commune_prior(n, &query(q));
        let convert = "chuyen doi dat vuon thanh dat o";
        assert!(p(&adjust, convert) < p(&base, convert));
        for asked in [
            "sua quyet dinh giao dat",
            "quyet dinh ghi sai dien tich",
            "thay doi quyet dinh",
        ] {
            assert_eq!(p(&adjust, asked), p(&base, asked), "{asked}");
        }
    }

    #[test]
    fn an_accident_at_work_is_a_first_one_unless_the_query_says_otherwise() {
        let again = "Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp đã bị TNLĐ, BNN nay tiếp tục bị TNLĐ hoặc BNN";
        let first = "Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp bị TNLĐ lần đầu";
        let (again, first) = (titled(again), titled(first));
        assert_eq!(again.qualified, vec![qualifier("tiếp tục bị")]);
        assert!(first.qualified.is_empty());
        let p = typed_prior;
        let once = "toi bi tai nan lao dong o cong ty";
        assert!(p(&again, once) < p(&first, once));
        let twice = "toi bi tai nan lao dong lan thu hai";
        assert_eq!(p(&again, twice), p(&first, twice));
    }

    #[test]
    fn an_ending_needs_a_query_that_asks_for_one_and_alters_nothing() {
        let p = |n: &Names, q: &str| commune_prior(n, &query(q));
        let found = names("dang ky thanh lap ho kinh doanh");
        for title in [
            "Dừng thực hiện thủ tục đăng ký hộ kinh doanh",
            "Chấm dứt hoạt động hộ kinh doanh",
        ] {
            let mut end = names(&fold(title));
            end.changes = changes(title);
            assert!(!end.changes.is_empty(), "{title}");
            let open = "dang ky ho kinh doanh ban quan ao";
            assert!(p(&end, open) < p(&found, open), "{title}");
            for asked in [
                "dong ho kinh doanh vinh vien",
                "nghi ban hang tra giay phep",
            ] {
                assert_eq!(p(&end, asked), p(&found, asked), "{title}: {asked}");
            }
        }
        let mut strike = names("xoa dang ky thuong tru");
        strike.changes = changes("Xóa đăng ký thường trú");
        let register = names("dang ky thuong tru");
        assert!(p(&strike, "nhap ho khau") < p(&register, "nhap ho khau"));
        assert_eq!(p(&strike, "cat khau"), p(&register, "cat khau"));
        // Ending is not altering: "làm lại" does not ask for it.
        assert!(!heads_with(
            "Chấm dứt hoạt động hộ kinh doanh",
            CHANGES
                .iter()
                .map(|(c, _)| *c)
                .chain(ALTERS.iter().copied())
        ));
    }

    #[test]
    fn a_bundle_with_the_birth_answers_a_birth_not_a_health_card_alone() {
        let bundle = titled(
            "Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        );
        let card = titled("Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT");
        assert_eq!(bundle.qualified, vec![qualifier("liên thông")]);
        let p = typed_prior;
        let alone = "the bao hiem y te sap het han dong tiep o dau";
        assert!(p(&bundle, alone) < p(&card, alone));
        for birth in [
            "con moi sinh lam giay khai sinh voi the bao hiem luon",
            "lien thong the bao hiem y te",
        ] {
            assert_eq!(p(&bundle, birth), p(&card, birth), "{birth}");
        }
    }

    #[test]
    fn a_modification_needs_a_query_that_asks_for_one() {
        let title = "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh";
        let mut modify = names(&fold(title));
        modify.changes = changes(title);
        assert_eq!(modify.changes.len(), MODIFY.len());
        let found = names("dang ky thanh lap ho kinh doanh");
        let p = |n: &Names, q: &str| commune_prior(n, &query(q));
        let open = "dang ky ho kinh doanh ban quan ao";
        assert!(p(&modify, open) < p(&found, open));
        for asked in [
            "thay doi nganh nghe ho kinh doanh",
            "ho kinh doanh chuyen dia diem",
        ] {
            assert_eq!(p(&modify, asked), p(&found, asked), "{asked}");
        }
    }

    #[test]
    fn a_copy_of_a_certified_transaction_needs_a_query_about_one() {
        let copy =
            titled("Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực");
        let certify = titled("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
        let diploma = "chung thuc ban sao bang cu nhan";
        assert!(typed_prior(&copy, diploma) < typed_prior(&certify, diploma));
        let contract = "xin ban sao hop dong mua ban dat da chung thuc";
        assert_eq!(
            typed_prior(&copy, contract),
            typed_prior(&certify, contract)
        );
    }

    #[test]
    fn a_title_qualified_to_a_case_needs_a_query_that_names_it() {
        assert!(holds_phrase(
            &["toi", "khong", "co", "ho", "khau"],
            "khong co ho khau"
        ));
        assert!(!holds_phrase(
            &["co", "ho", "khau", "khong"],
            "khong co ho khau"
        ));
        let unregistered = titled(
            "Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú",
        );
        assert_eq!(unregistered.qualified, vec![qualifier("chưa đủ điều kiện")]);
        let plain = titled("Đăng ký thường trú");
        let p =
            |n: &Names, named: bool| prior_naming(n, "nhap ho khau", "chưa đủ điều kiện", named);
        assert!(p(&unregistered, false) < p(&plain, false));
        assert_eq!(p(&unregistered, true), p(&plain, true));
    }
}

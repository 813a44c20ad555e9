//! The spoken text of a guide, as the kiosk reads it aloud: the title, the summary, what to bring, the
//! fee and time of each way to lodge it (in person first), and where to go. Sentences end with a full
//! stop so espeak-ng pauses between them; the text is made speakable by the caller ([`super::prepare`]).

use crate::guide::{ChannelKind, Guide};

/// What the kiosk says for a guide, in Vietnamese, before normalisation.
pub fn guide(guide: &Guide) -> String {
    let mut out: Vec<String> = Vec::new();
    out.push(sentence(&guide.title));
    if !guide.summary.trim().is_empty() {
        out.push(sentence(&guide.summary));
    }
    let items: Vec<&str> = guide
        .documents
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.text.as_str()))
        .filter(|t| !t.trim().is_empty())
        .collect();
    if !items.is_empty() {
        out.push(format!("Giấy tờ cần mang theo: {} giấy tờ.", items.len()));
        for (i, item) in items.iter().enumerate() {
            out.push(format!("{}. {}", i + 1, sentence(item)));
        }
    }
    let mut channels: Vec<_> = guide.channels.iter().collect();
    channels.sort_by_key(|c| c.channel != ChannelKind::TrucTiep);
    for c in channels {
        let way = match c.channel {
            ChannelKind::TrucTiep => "Nộp trực tiếp",
            ChannelKind::TrucTuyen => "Nộp trực tuyến",
            ChannelKind::BuuChinh => "Nộp qua bưu chính",
        };
        out.push(format!(
            "{way}: lệ phí {}; thời hạn giải quyết {}.",
            clause(&c.fee),
            clause(&c.time)
        ));
    }
    if !guide.agency.trim().is_empty() {
        out.push(format!("Nơi nộp hồ sơ: {}", sentence(&guide.agency)));
    }
    out.join(" ")
}

/// A text ending with a full stop (or its own end punctuation).
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?', ':']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// A text without its end punctuation, to go inside a sentence.
fn clause(text: &str) -> &str {
    text.trim().trim_end_matches(['.', ';'])
}

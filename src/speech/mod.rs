//! Speech output for the kiosk: what it says ([`script`]), made speakable ([`normalize`]), and said by
//! espeak-ng ([`espeak`]).
//!
//! A public kiosk is a closed terminal: a citizen who reads or sees poorly cannot bring a screen reader,
//! so the kiosk speaks its own screens (EN 301 549 §5.1.3, Section 508 §402.2). The only offline
//! Vietnamese synthesiser on Debian is espeak-ng (GPL), which is run as a separate program and never
//! linked; the web view's `speechSynthesis` has English voices only.

pub mod espeak;
pub mod normalize;
pub mod script;

use serde::{Deserialize, Serialize};

pub use espeak::{SpeechEvent, SpeechStatus, Synth};
pub use normalize::{Region, number_words, speakable};

/// Accepted speech rates, in words per minute (espeak-ng `-s`).
pub const RATE_WPM: std::ops::RangeInclusive<u32> = 80..=260;
/// The slow rate offered to elderly users (the admin screen's "Chậm").
pub const SLOW_RATE_WPM: u32 = 110;
/// Accepted volumes, in dB relative to espeak-ng's default loudness (30 dB wide).
pub const VOLUME_DB: std::ops::RangeInclusive<i32> = -24..=6;

/// The language of what is said: Vietnamese is normalised and read by a Vietnamese voice; English (the
/// kiosk's English screens) by espeak-ng's English voice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese.
    #[default]
    Vi,
    /// English.
    En,
}

/// How the kiosk speaks: voice region, rate and volume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voice {
    /// The region of the Vietnamese voice.
    pub region: Region,
    /// Words per minute ([`RATE_WPM`]).
    pub rate: u32,
    /// Volume in dB relative to espeak-ng's default ([`VOLUME_DB`]).
    pub volume_db: i32,
}

impl Default for Voice {
    fn default() -> Self {
        Voice {
            region: Region::Northern,
            rate: 150,
            volume_db: 0,
        }
    }
}

impl Voice {
    /// The voice with every value brought into its accepted range.
    pub fn clamped(self) -> Voice {
        Voice {
            region: self.region,
            rate: self.rate.clamp(*RATE_WPM.start(), *RATE_WPM.end()),
            volume_db: self.volume_db.clamp(*VOLUME_DB.start(), *VOLUME_DB.end()),
        }
    }

    /// espeak-ng's amplitude (`-a`, linear, 100 is its default) for [`Voice::volume_db`].
    pub fn amplitude(self) -> u32 {
        let db = f64::from(self.clamped().volume_db);
        // In range: 100 × 10^(−24/20) ≈ 6 … 100 × 10^(6/20) ≈ 200, espeak-ng's largest.
        (100.0 * 10f64.powf(db / 20.0)).round().clamp(1.0, 200.0) as u32
    }
}

/// `text` as the voice will say it: Vietnamese normalised ([`speakable`]); English with spaces collapsed.
pub fn prepare(text: &str, lang: Lang, region: Region) -> String {
    match lang {
        Lang::Vi => speakable(text, region),
        Lang::En => crate::text::normalize(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

//! Speech output through espeak-ng, the same way the kiosk runs it (`sotay::speech::Synth`): a guide's
//! spoken text rendered to a WAV file (`-w`), its length, the normalised text and espeak-ng's phonemes
//! (`-x`) for known phrases, the volume range, and the events of an utterance played on ALSA's `null`
//! device. espeak-ng is a Debian package the Makefile installs (`APT_PACKAGES`).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sotay::Handbook;
use sotay::speech::{self, Lang, Region, SpeechEvent, Synth, Voice};

/// Sample rate, channels, bits and data size of a PCM WAV file.
fn wav_info(path: &Path) -> (u32, u16, u16, u32, Vec<i16>) {
    let bytes = std::fs::read(path).expect("read wav");
    assert!(bytes.len() > 44, "{} bytes", bytes.len());
    assert_eq!(&bytes[0..4], b"RIFF");
    assert_eq!(&bytes[8..12], b"WAVE");
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
    let u32_at =
        |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    // Chunks after "WAVE": find "fmt " and "data".
    let (mut at, mut fmt, mut data) = (12, None, None);
    while at + 8 <= bytes.len() {
        let size = u32_at(at + 4) as usize;
        match &bytes[at..at + 4] {
            b"fmt " => fmt = Some(at + 8),
            b"data" => data = Some((at + 8, size)),
            _ => {}
        }
        at += 8 + size;
    }
    let f = fmt.expect("fmt chunk");
    let (d, size) = data.expect("data chunk");
    // espeak-ng writes the data size when it closes the file; trust the file's length over a 0 or
    // streaming placeholder.
    let size = size.min(bytes.len() - d);
    let samples = bytes[d..d + size]
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect();
    (
        u32_at(f + 4),
        u16_at(f + 2),
        u16_at(f + 14),
        size as u32,
        samples,
    )
}

fn seconds(rate: u32, channels: u16, bits: u16, size: u32) -> f64 {
    f64::from(size) / (f64::from(rate) * f64::from(channels) * f64::from(bits / 8))
}

fn rms(samples: &[i16]) -> f64 {
    let sum: f64 = samples.iter().map(|&s| f64::from(s) * f64::from(s)).sum();
    (sum / samples.len().max(1) as f64).sqrt()
}

fn guide_text() -> String {
    let handbook = Handbook::embedded().expect("embedded handbook");
    let guide = handbook.guide("2.000635").expect("guide 2.000635");
    speech::script::guide(guide)
}

#[test]
fn a_guide_rendered_to_a_wav_has_a_plausible_length_and_says_the_fee_in_words() {
    let text = guide_text();
    let spoken = speech::prepare(&text, Lang::Vi, Region::Northern);
    assert!(
        spoken.starts_with("Cấp bản sao Trích lục hộ tịch"),
        "{spoken}"
    );
    for phrase in [
        "Giấy tờ cần mang theo:",
        "Nộp trực tiếp: lệ phí tám nghìn đồng một bản sao",
        "Nộp trực tuyến",
        "sau mười lăm giờ",
        "Nơi nộp hồ sơ: Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử.",
    ] {
        assert!(spoken.contains(phrase), "{phrase:?} not in {spoken}");
    }
    assert!(
        !spoken.contains(|c: char| c.is_ascii_digit()),
        "digits left: {spoken}"
    );
    // In person comes first.
    assert!(spoken.find("Nộp trực tiếp") < spoken.find("Nộp trực tuyến"));

    let dir = tempfile::tempdir().expect("tmp");
    let wav = dir.path().join("guide.wav");
    let synth = Synth::new("null");
    let t0 = Instant::now();
    synth
        .render_wav(&text, Voice::default(), Lang::Vi, &wav)
        .expect("espeak-ng renders the guide");
    let took = t0.elapsed();
    let (rate, channels, bits, size, _) = wav_info(&wav);
    assert_eq!((channels, bits), (1, 16));
    assert!(rate >= 8000, "{rate} Hz");
    let secs = seconds(rate, channels, bits, size);
    let chars = spoken.chars().count() as f64;
    // espeak-ng says about 1,000 characters a minute at its default 175 words per minute; at 150, a bit
    // slower. Far less means words were skipped, far more that something was spelled out.
    let per_char = secs / chars;
    assert!(
        (0.03..0.15).contains(&per_char),
        "{secs:.1} s for {chars} characters ({per_char:.3} s each)"
    );
    println!(
        "# speech: {chars} characters → {secs:.1} s of audio, synthesised in {:.0} ms",
        took.as_secs_f64() * 1000.0
    );

    // Slower is longer.
    let slow = dir.path().join("slow.wav");
    let voice = Voice {
        rate: speech::SLOW_RATE_WPM,
        ..Voice::default()
    };
    synth
        .render_wav(&text, voice, Lang::Vi, &slow)
        .expect("slow");
    let (r, c, b, s, _) = wav_info(&slow);
    assert!(seconds(r, c, b, s) > secs * 1.2, "the slow rate is slower");
}

#[test]
fn phonemes_of_normalised_text_are_those_of_the_words() {
    let synth = Synth::new("null");
    let voice = Voice::default();
    let ph = |t: &str| synth.phonemes(t, voice, Lang::Vi).expect("espeak-ng -x");
    for (written, words) in [
        ("50.000 đ", "năm mươi nghìn đồng"),
        ("05 ngày làm việc", "năm ngày làm việc"),
        ("UBND", "ủy ban nhân dân"),
        (
            "Nghị định số 123/2015/NĐ-CP",
            "Nghị định số một trăm hai mươi ba năm hai nghìn không trăm mười lăm, nghị định chính phủ",
        ),
    ] {
        let got = ph(written);
        assert!(!got.is_empty());
        assert_eq!(got, ph(words), "{written}");
    }
    // Without the normaliser espeak-ng reads "đ" as a letter: the phonemes differ.
    let raw = Command::raw_phonemes("50.000 đ");
    assert_ne!(raw, ph("50.000 đ"), "espeak-ng alone reads it differently");
}

/// espeak-ng's own reading, without the normaliser.
struct Command;
impl Command {
    fn raw_phonemes(text: &str) -> String {
        let out = std::process::Command::new("espeak-ng")
            .args(["-q", "-x", "-v", "vi", text])
            .output()
            .expect("espeak-ng");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

#[test]
fn the_volume_spans_more_than_eighteen_decibels() {
    let synth = Synth::new("null");
    let dir = tempfile::tempdir().expect("tmp");
    let level = |db: i32| {
        let path = dir.path().join(format!("v{db}.wav"));
        let voice = Voice {
            volume_db: db,
            ..Voice::default()
        };
        synth
            .render_wav("Xin mời bạn chọn thủ tục cần làm.", voice, Lang::Vi, &path)
            .expect("render");
        rms(&wav_info(&path).4)
    };
    let (low, high) = (
        level(*speech::VOLUME_DB.start()),
        level(*speech::VOLUME_DB.end()),
    );
    let span = 20.0 * (high / low).log10();
    assert!(
        span >= 18.0,
        "{span:.1} dB between the quietest and the loudest"
    );
}

#[test]
fn an_utterance_reports_started_then_how_it_ended() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = {
        let events = events.clone();
        Arc::new(move |e: SpeechEvent| events.lock().expect("events").push(e))
    };
    let wait_for = |n: usize| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while events.lock().expect("events").len() < n {
            assert!(
                Instant::now() < deadline,
                "{:?}",
                events.lock().expect("events")
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    };
    // ALSA's null device plays nothing, successfully.
    let synth = Synth::new("null");
    assert!(synth.status().available, "{:?}", synth.status());
    let id = synth
        .speak("Lệ phí 50.000 đ.", Voice::default(), Lang::Vi, sink.clone())
        .expect("speak");
    wait_for(2);
    let got = events.lock().expect("events").clone();
    assert_eq!(
        got,
        [
            SpeechEvent::Started {
                id,
                chars: "Lệ phí năm mươi nghìn đồng.".chars().count()
            },
            SpeechEvent::Ended { id }
        ]
    );
    assert_eq!(synth.stop(), None, "nothing left to stop");
    assert!(
        synth
            .speak("  ", Voice::default(), Lang::Vi, sink.clone())
            .is_err()
    );

    // A device that does not exist: the player's own message comes back.
    events.lock().expect("events").clear();
    let broken = Synth::new("no-such-device");
    let id = broken
        .speak("Xin chào.", Voice::default(), Lang::Vi, sink.clone())
        .expect("speak starts");
    wait_for(2);
    let got = events.lock().expect("events").clone();
    match &got[1] {
        SpeechEvent::Failed { id: i, message } => {
            assert_eq!(*i, id);
            assert!(message.starts_with("aplay failed"), "{message}");
            assert!(
                message.contains("no-such-device") || message.contains("audio open error"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_synthesiser_is_reported_with_the_package_to_install() {
    let synth = Synth::with_programs("/nonexistent/espeak-ng", "aplay", "null");
    let status = synth.status();
    assert!(!status.available);
    let reason = status.reason.expect("a reason");
    assert!(
        reason.contains("not installed") && reason.contains("espeak-ng"),
        "{reason}"
    );
    let err = synth
        .speak("Xin chào", Voice::default(), Lang::Vi, Arc::new(|_| {}))
        .expect_err("cannot speak");
    assert!(err.to_string().contains("not installed"), "{err}");
    let player = Synth::with_programs("espeak-ng", "/nonexistent/aplay", "null").status();
    assert!(!player.available);
    assert!(player.reason.expect("reason").contains("alsa-utils"));
}

//! espeak-ng run as a separate program (it is GPL: never linked), and the utterance being spoken.
//!
//! Design: espeak-ng synthesises a WAV to its standard output (`--stdout`) and ALSA's `aplay` plays it
//! (`aplay -q -D DEVICE -`), two processes joined by a pipe. Letting espeak-ng play by itself was
//! rejected: without an audio device it prints an error and still exits with status 0, so a failure
//! could not be reported; with a separate player the exit status says whether the sound was played, and
//! the ALSA device is a setting (a headset jack, or `null` on a machine without sound, as in the tests).
//! The text goes in on standard input, never on the command line (no text can become an option). The
//! same arguments render a WAV file (`-w`, [`Synth::render_wav`]), which is how the tests check what
//! the app says without a sound card.
//!
//! One utterance at a time ([`Synth::speak`]): a new one stops the one before; [`Synth::stop`] kills
//! both processes. Each utterance reports [`SpeechEvent`]s: started when the processes run, then ended
//! (the player finished), stopped, or failed (with the player's or espeak-ng's own message).

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

use super::{Lang, Voice, prepare};
use crate::error::{Error, Result};

/// The longest text spoken at once, in characters (a long guide is about 4,000).
pub const MAX_CHARS: usize = 20_000;
/// How often the watcher looks whether the player finished.
const POLL: Duration = Duration::from_millis(25);

/// What happened to an utterance (sent to the UI as it happens).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum SpeechEvent {
    /// espeak-ng and the player run.
    Started {
        /// The utterance.
        id: u64,
        /// Characters of the spoken (normalised) text.
        chars: usize,
    },
    /// The player played it to the end.
    Ended {
        /// The utterance.
        id: u64,
    },
    /// Stopped before its end (the stop button, navigation, the idle reset, a new utterance).
    Stopped {
        /// The utterance.
        id: u64,
    },
    /// espeak-ng or the player failed.
    Failed {
        /// The utterance.
        id: u64,
        /// What failed, with the program's own message.
        message: String,
    },
}

/// Whether speech can run, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeechStatus {
    /// Both programs answer.
    pub available: bool,
    /// Why speech is off (a program missing), in words for the admin screen.
    pub reason: Option<String>,
    /// espeak-ng's version line.
    pub version: Option<String>,
    /// The utterance being spoken.
    pub speaking: Option<u64>,
}

/// Where a sink for events goes.
pub type EventSink = Arc<dyn Fn(SpeechEvent) + Send + Sync>;

struct Running {
    id: u64,
    synth: Child,
    player: Child,
    sink: EventSink,
}

#[derive(Default)]
struct State {
    next: u64,
    current: Option<Running>,
}

/// The synthesiser and player programs, and the utterance they speak.
#[derive(Clone)]
pub struct Synth {
    espeak: String,
    player: String,
    device: String,
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for Synth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Synth")
            .field("espeak", &self.espeak)
            .field("player", &self.player)
            .field("device", &self.device)
            .finish_non_exhaustive()
    }
}

impl Synth {
    /// `espeak-ng` and `aplay` from the `PATH`, playing on the ALSA `device` (`default` when empty).
    pub fn new(device: &str) -> Synth {
        Synth::with_programs("espeak-ng", "aplay", device)
    }

    /// Other programs (tests: a program that is not installed).
    pub fn with_programs(espeak: &str, player: &str, device: &str) -> Synth {
        let device = if device.trim().is_empty() {
            "default"
        } else {
            device.trim()
        };
        Synth {
            espeak: espeak.to_string(),
            player: player.to_string(),
            device: device.to_string(),
            state: Arc::default(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether both programs run, with the reason when not.
    pub fn status(&self) -> SpeechStatus {
        let speaking = self.lock().current.as_ref().map(|r| r.id);
        let version = match Command::new(&self.espeak).arg("--version").output() {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
            Ok(o) => {
                return unavailable(
                    format!(
                        "{} --version failed: {}",
                        self.espeak,
                        String::from_utf8_lossy(&o.stderr).trim()
                    ),
                    speaking,
                );
            }
            Err(e) => {
                return unavailable(
                    format!(
                        "{} is not installed ({e}): install the Debian package espeak-ng",
                        self.espeak
                    ),
                    speaking,
                );
            }
        };
        if let Err(e) = Command::new(&self.player).arg("--version").output() {
            return SpeechStatus {
                version: Some(version),
                ..unavailable(
                    format!(
                        "{} is not installed ({e}): install the Debian package alsa-utils",
                        self.player
                    ),
                    speaking,
                )
            };
        }
        SpeechStatus {
            available: true,
            reason: None,
            version: Some(version),
            speaking,
        }
    }

    /// espeak-ng with the voice's arguments, reading its text from standard input.
    fn espeak(&self, voice: Voice, lang: Lang) -> Command {
        let voice = voice.clamped();
        let mut cmd = Command::new(&self.espeak);
        let name = match lang {
            Lang::Vi => voice.region.voice(),
            Lang::En => "en",
        };
        cmd.args(["-b", "1", "-v", name])
            .args(["-s", &voice.rate.to_string()])
            .args(["-a", &voice.amplitude().to_string()])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Renders `text` (made speakable) to a WAV file with the same arguments the kiosk speaks with.
    pub fn render_wav(&self, text: &str, voice: Voice, lang: Lang, out: &Path) -> Result<()> {
        let spoken = prepare(text, lang, voice.region);
        let mut cmd = self.espeak(voice, lang);
        cmd.arg("-w").arg(out).stdout(Stdio::null());
        let mut child = cmd.spawn().map_err(|e| spawn_error(&self.espeak, &e))?;
        write_text(&mut child, &spoken);
        let output = child
            .wait_with_output()
            .map_err(|e| Error::Speech(format!("{}: {e}", self.espeak)))?;
        check(&self.espeak, output.status, &output.stderr)
    }

    /// espeak-ng's phonemes for `text` (made speakable), as `-x` prints them.
    pub fn phonemes(&self, text: &str, voice: Voice, lang: Lang) -> Result<String> {
        let spoken = prepare(text, lang, voice.region);
        let mut cmd = self.espeak(voice, lang);
        cmd.args(["-q", "-x"]).stdout(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| spawn_error(&self.espeak, &e))?;
        write_text(&mut child, &spoken);
        let output = child
            .wait_with_output()
            .map_err(|e| Error::Speech(format!("{}: {e}", self.espeak)))?;
        check(&self.espeak, output.status, &output.stderr)?;
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    /// Starts saying `text` (stopping what was being said); returns the utterance's id. `sink` gets the
    /// utterance's events, `started` before this returns.
    pub fn speak(&self, text: &str, voice: Voice, lang: Lang, sink: EventSink) -> Result<u64> {
        let spoken = prepare(text, lang, voice.region);
        if spoken.is_empty() {
            return Err(Error::Speech("nothing to say".into()));
        }
        let spoken: String = spoken.chars().take(MAX_CHARS).collect();
        self.stop();
        let mut synth = self
            .espeak(voice, lang)
            .arg("--stdout")
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_error(&self.espeak, &e))?;
        let Some(wav) = synth.stdout.take() else {
            let _ = synth.kill();
            let _ = synth.wait();
            return Err(Error::Speech("espeak-ng gave no output".into()));
        };
        let player = Command::new(&self.player)
            .args(["-q", "-D", &self.device, "-"])
            .stdin(wav)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let player = match player {
            Ok(p) => p,
            Err(e) => {
                let _ = synth.kill();
                let _ = synth.wait();
                return Err(spawn_error(&self.player, &e));
            }
        };
        write_text(&mut synth, &spoken);
        let id = {
            let mut state = self.lock();
            state.next += 1;
            let id = state.next;
            state.current = Some(Running {
                id,
                synth,
                player,
                sink: sink.clone(),
            });
            id
        };
        sink(SpeechEvent::Started {
            id,
            chars: spoken.chars().count(),
        });
        let this = self.clone();
        std::thread::spawn(move || this.watch(id));
        Ok(id)
    }

    /// Stops the utterance being said, if any; returns its id.
    pub fn stop(&self) -> Option<u64> {
        let running = self.lock().current.take()?;
        let Running {
            id,
            mut synth,
            mut player,
            sink,
        } = running;
        let _ = player.kill();
        let _ = synth.kill();
        let _ = player.wait();
        let _ = synth.wait();
        sink(SpeechEvent::Stopped { id });
        Some(id)
    }

    /// Waits for utterance `id` to end (unless stopped before), then reports how.
    fn watch(&self, id: u64) {
        loop {
            let finished = {
                let mut state = self.lock();
                match state.current.as_mut() {
                    Some(r) if r.id == id => match r.player.try_wait() {
                        Ok(Some(_)) | Err(_) => state.current.take(),
                        Ok(None) => None,
                    },
                    // Stopped, or replaced: `stop` reported it.
                    _ => return,
                }
            };
            if let Some(mut r) = finished {
                let player = r.player.wait();
                let synth = r.synth.wait_with_output();
                let mut player_err = Vec::new();
                if let Some(mut e) = r.player.stderr.take() {
                    let _ = e.read_to_end(&mut player_err);
                }
                let event = match (player, synth) {
                    (Ok(p), _) if !p.success() => SpeechEvent::Failed {
                        id,
                        message: failure(&self.player, p, &player_err),
                    },
                    (Ok(_), Ok(s)) if !s.status.success() => SpeechEvent::Failed {
                        id,
                        message: failure(&self.espeak, s.status, &s.stderr),
                    },
                    (Err(e), _) => SpeechEvent::Failed {
                        id,
                        message: format!("{}: {e}", self.player),
                    },
                    _ => SpeechEvent::Ended { id },
                };
                (r.sink)(event);
                return;
            }
            std::thread::sleep(POLL);
        }
    }
}

fn unavailable(reason: String, speaking: Option<u64>) -> SpeechStatus {
    SpeechStatus {
        available: false,
        reason: Some(reason),
        version: None,
        speaking,
    }
}

fn spawn_error(program: &str, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        Error::Speech(format!("{program} is not installed"))
    } else {
        Error::Speech(format!("{program} could not start: {e}"))
    }
}

/// Writes the text to the child's standard input and closes it, on its own thread: espeak-ng may stop
/// reading while the player is behind (a broken pipe means the program ended early, which its exit
/// status reports).
fn write_text(child: &mut Child, text: &str) {
    if let Some(mut stdin) = child.stdin.take() {
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = stdin.write_all(text.as_bytes());
        });
    }
}

fn failure(program: &str, status: ExitStatus, stderr: &[u8]) -> String {
    let err = String::from_utf8_lossy(stderr);
    // ALSA's configuration noise comes first; the program's own last line says what failed.
    let last = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    format!("{program} failed ({status}): {}", last.trim())
}

fn check(program: &str, status: ExitStatus, stderr: &[u8]) -> Result<()> {
    let err = String::from_utf8_lossy(stderr);
    if status.success() && err.trim().is_empty() {
        Ok(())
    } else {
        Err(Error::Speech(failure(program, status, stderr)))
    }
}

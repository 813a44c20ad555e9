//! The kiosk's speech commands: a few lines each over the core's [`sotay::speech`] (espeak-ng run as a
//! program, played by aplay; never the shell plugin, never linked).
//!
//! - `speech_status`: whether espeak-ng and aplay run (the UI hides "Nghe đọc" when not, and the admin
//!   screen says why), the utterance being said, and the voice settings;
//! - `speak` (a text of the screen, Vietnamese or English) and `speak_guide` (a guide's spoken text,
//!   built by the core), each with a channel that receives the utterance's events (started, ended,
//!   stopped, failed): a channel needs no capability, unlike global events;
//! - `speech_stop`: the stop button, navigation and the idle reset;
//! - `set_speech` (admin): the voice settings, applied at once and saved to `config.toml`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use sotay::config::{Config, SpeechConfig};
use sotay::speech::{Lang, Region, SpeechEvent, Synth};
use tauri::State;
use tauri::ipc::Channel;

use crate::admin::AdminGate;
use crate::commands::Core;
use crate::error::IpcError;

/// The synthesiser and the settings in force (managed state).
#[derive(Debug)]
pub struct Speech {
    synth: Synth,
    settings: Mutex<SpeechConfig>,
    data_dir: PathBuf,
}

impl Speech {
    /// Speech with the config's settings, for the data folder the settings are saved to.
    pub fn new(config: &SpeechConfig, data_dir: &Path) -> Speech {
        Speech {
            synth: Synth::new(&config.device),
            settings: Mutex::new(config.clone()),
            data_dir: data_dir.to_path_buf(),
        }
    }

    fn settings(&self) -> SpeechConfig {
        self.settings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn say(&self, text: &str, lang: Lang, channel: Channel<SpeechEvent>) -> Result<u64, IpcError> {
        let sink = Arc::new(move |e: SpeechEvent| {
            let _ = channel.send(e);
        });
        Ok(self
            .synth
            .speak(text, self.settings().voice(), lang, sink)?)
    }
}

/// What `speech_status` answers.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SpeechInfo {
    /// espeak-ng and aplay run.
    pub available: bool,
    /// Why not, for the admin screen.
    pub reason: Option<String>,
    /// espeak-ng's version line.
    pub version: Option<String>,
    /// The utterance being said.
    pub speaking: Option<u64>,
    /// The settings in force.
    pub settings: SpeechConfig,
}

/// The voice settings the admin screen sets.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VoiceSettings {
    /// Speech on when a citizen starts.
    pub enabled: bool,
    /// The region of the voice.
    pub region: Region,
    /// Words per minute.
    pub rate: u32,
    /// dB from espeak-ng's default.
    pub volume_db: i32,
}

/// Whether speech runs, and the settings.
#[tauri::command]
pub async fn speech_status(speech: State<'_, Speech>) -> Result<SpeechInfo, IpcError> {
    let s = speech.synth.status();
    Ok(SpeechInfo {
        available: s.available,
        reason: s.reason,
        version: s.version,
        speaking: s.speaking,
        settings: speech.settings(),
    })
}

/// Says a text of the screen; returns the utterance's id.
#[tauri::command]
pub async fn speak(
    speech: State<'_, Speech>,
    text: String,
    lang: Lang,
    on_event: Channel<SpeechEvent>,
) -> Result<u64, IpcError> {
    speech.say(&text, lang, on_event)
}

/// Says a guide (title, summary, papers, fee and time per channel, where to go).
#[tauri::command]
pub async fn speak_guide(
    core: State<'_, Core>,
    speech: State<'_, Speech>,
    code: String,
    on_event: Channel<SpeechEvent>,
) -> Result<u64, IpcError> {
    let engine = core.engine().await?;
    let guide = engine.handbook().require(&sotay::text::normalize(&code))?;
    speech.say(&sotay::speech::script::guide(guide), Lang::Vi, on_event)
}

/// Stops what is being said; returns the stopped utterance's id.
#[tauri::command]
pub async fn speech_stop(speech: State<'_, Speech>) -> Result<Option<u64>, IpcError> {
    Ok(speech.synth.stop())
}

/// Sets the voice (admin only): applied now and saved to `config.toml`.
#[tauri::command]
pub async fn set_speech(
    speech: State<'_, Speech>,
    gate: State<'_, AdminGate>,
    settings: VoiceSettings,
) -> Result<SpeechConfig, IpcError> {
    gate.require(std::time::Instant::now())?;
    let mut config = Config::load(&speech.data_dir)?;
    let voice = sotay::speech::Voice {
        region: settings.region,
        rate: settings.rate,
        volume_db: settings.volume_db,
    }
    .clamped();
    config.speech = SpeechConfig {
        enabled: settings.enabled,
        region: voice.region,
        rate: voice.rate,
        volume_db: voice.volume_db,
        ..config.speech
    };
    config.save(&speech.data_dir)?;
    let mut current = speech
        .settings
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *current = SpeechConfig {
        device: current.device.clone(),
        ..config.speech.clone()
    };
    Ok(current.clone())
}

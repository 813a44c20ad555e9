//! The declaration forms: the form to fill, and the desk's "save as PDF". What a citizen types lives in
//! the UI's memory; it reaches the shell only when the desk saves the PDF, is checked and rendered by the
//! core, written once to the file the clerk asked for, and never logged or kept.

use std::collections::BTreeMap;

use sotay::forms::Form;
use sotay::text::normalize;
use tauri::State;

use crate::commands::Core;
use crate::error::{ErrorCode, IpcError};
use crate::kiosk::AppMode;

/// The form with this id.
#[tauri::command]
pub async fn form(core: State<'_, Core>, id: String) -> Result<Form, IpcError> {
    let engine = core.engine().await?;
    engine
        .handbook()
        .form(&normalize(&id))
        .cloned()
        .ok_or_else(|| IpcError::new(ErrorCode::UnknownForm, format!("no form \"{id}\"")))
}

/// Saves the filled form as a PDF in the user's Documents folder (desk only: a kiosk never writes what
/// a citizen typed) and returns the file's path.
#[tauri::command]
pub async fn save_form_pdf(
    core: State<'_, Core>,
    mode: State<'_, AppMode>,
    id: String,
    values: BTreeMap<String, String>,
) -> Result<String, IpcError> {
    if mode.kiosk {
        return Err(IpcError::new(
            ErrorCode::Kiosk,
            "a kiosk does not save forms; print them",
        ));
    }
    let engine = core.engine().await?;
    let form = engine
        .handbook()
        .form(&normalize(&id))
        .ok_or_else(|| IpcError::new(ErrorCode::UnknownForm, format!("no form \"{id}\"")))?;
    let dir = sotay::forms::documents_dir()
        .ok_or_else(|| IpcError::new(ErrorCode::Io, "no Documents folder"))?;
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let path = sotay::forms::save_pdf(form, &values, &dir, &stamp)?;
    Ok(path.display().to_string())
}

//! The paper the guidance slip is printed on. The print view chooses A4 or A5 and tells the shell
//! (`set_print_paper`); WebKitGTK ignores CSS `@page { size }`, so the shell hands the paper to the
//! print operation itself, and the print dialog opens with it chosen (the clerk can still change it).
//! The kiosk prints its receipt without a dialog ([`crate::kiosk`]) and does not use this.

use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::IpcError;

/// A paper size of the print view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Paper {
    /// ISO A4, the default.
    #[default]
    A4,
    /// ISO A5.
    A5,
}

impl Paper {
    /// The paper's PWG name, as GTK knows it.
    pub fn pwg_name(self) -> &'static str {
        match self {
            Paper::A4 => "iso_a4",
            Paper::A5 => "iso_a5",
        }
    }
}

/// The paper chosen last (managed state, shared with the view's print handler).
#[derive(Debug, Clone, Default)]
pub struct PrintPaper(Arc<Mutex<Paper>>);

impl PrintPaper {
    /// The paper chosen last (A4 until one is chosen).
    pub fn get(&self) -> Paper {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Chooses the paper.
    pub fn set(&self, paper: Paper) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = paper;
    }
}

/// The print view chose a paper: printing from now on uses it.
#[tauri::command]
pub async fn set_print_paper(paper: Paper, chosen: State<'_, PrintPaper>) -> Result<(), IpcError> {
    chosen.set(paper);
    Ok(())
}

/// Gives every print operation of `view` (`window.print()`, Ctrl+P) the paper chosen last, portrait,
/// then lets WebKit's own handler show the print dialog with it.
#[cfg(target_os = "linux")]
pub(crate) fn use_chosen_paper(view: &webkit2gtk::WebView, chosen: PrintPaper) {
    use webkit2gtk::{PrintOperationExt, WebViewExt};

    view.connect_print(move |_, operation| {
        let setup = gtk::PageSetup::new();
        setup.set_orientation(gtk::PageOrientation::Portrait);
        setup.set_paper_size(&gtk::PaperSize::new(Some(chosen.get().pwg_name())));
        operation.set_page_setup(&setup);
        false
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_cross_the_ipc_by_name_and_default_to_a4() {
        let a5: Paper = serde_json::from_str("\"A5\"").expect("A5 is a paper");
        assert_eq!(a5, Paper::A5);
        assert!(serde_json::from_str::<Paper>("\"Letter\"").is_err());
        let chosen = PrintPaper::default();
        assert_eq!(chosen.get(), Paper::A4);
        chosen.set(Paper::A5);
        assert_eq!(chosen.clone().get().pwg_name(), "iso_a5");
    }
}

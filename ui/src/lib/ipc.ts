// The one typed IPC module: every call from the UI to the Rust core goes through here.
//
// The types are not written here: they are generated from the Rust types the commands take and return
// (`ipc.gen.ts`, by ts-rs; `make ipc-types` rewrites it and `make test` fails when it is stale), and
// re-exported, so a component imports every IPC type from this module. This module keeps the call
// wrappers and the error handling.

import { Channel as IpcChannel, type InvokeArgs, invoke } from '@tauri-apps/api/core';
import type {
  AppMode,
  Choice,
  ContentInfo,
  Entry,
  ErrorCode,
  ExportSummary,
  Facets,
  FeedbackCounts,
  FieldError,
  Form,
  Guide,
  InstallReport,
  IpcError,
  Level,
  LifeEvent,
  Locality,
  ManualSection,
  PackStatus,
  Paper,
  PetitionInput,
  RatingInput,
  SearchOptions,
  SearchResults,
  SpeechEvent,
  SpeechInfo,
  SpeechSettings,
  Term,
  VoiceSettings,
} from './ipc.gen';

export type * from './ipc.gen';

/** Satisfaction levels: 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng. */
export type RatingLevel = RatingInput['level'];

/** Every error code, at run time. `satisfies` fails the build when the generated `ErrorCode` lost one
 * of them, and {@link everyCodeListed} when the shell added one that is not here. */
export const ERROR_CODES = [
  'io',
  'invalid-content',
  'unknown-code',
  'index',
  'bad-input',
  'json',
  'invalid',
  'locked',
  'locked-out',
  'database',
  'config',
  'pack-rejected',
  'pack',
  'speech',
  'form',
  'unknown-form',
  'kiosk',
  'ipc',
] as const satisfies readonly ErrorCode[];

/** A type error when `ErrorCode` has a code {@link ERROR_CODES} lacks. */
export const everyCodeListed: [Exclude<ErrorCode, (typeof ERROR_CODES)[number]>] extends [never] ? true : never = true;

/** Whether a value is an error code the shell sends. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Whether a value has the shape of an {@link IpcError} (its code may still be one this UI does not
 * know: {@link toIpcError} turns that into `ipc`). */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IpcError).code === 'string' &&
    typeof (value as IpcError).message === 'string'
  );
}

/** Any rejection of `invoke` as an {@link IpcError} (the core's, or code `ipc` for anything else,
 * including a code this UI does not know). */
export function toIpcError(reason: unknown): IpcError {
  if (isIpcError(reason)) {
    const code: ErrorCode = isErrorCode(reason.code) ? reason.code : 'ipc';
    const fields = Array.isArray(reason.fields) ? reason.fields.filter(isFieldError) : undefined;
    return fields ? { code, message: reason.message, fields } : { code, message: reason.message };
  }
  const message = reason instanceof Error ? reason.message : String(reason);
  return { code: 'ipc', message };
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

/** Searches the handbook. Rejects with an {@link IpcError}. */
export function search(query: string, options: SearchOptions): Promise<SearchResults> {
  return call('search', { query, options });
}

/** The guide with this national code. Rejects with an {@link IpcError} (`unknown-code` if none). */
export function guide(code: string): Promise<Guide> {
  return call('guide', { code });
}

/** Facet values with counts; within `level` (the desk's scope) when given, over every guide otherwise. */
export function facets(level?: Level): Promise<Facets> {
  return call('facets', level ? { level } : undefined);
}

/** What the loaded handbook is. */
export function contentInfo(): Promise<ContentInfo> {
  return call('content_info');
}

/** The user manual ("Hướng dẫn") in `lang`, in sections. */
export function manual(lang: 'vi' | 'en'): Promise<ManualSection[]> {
  return call('manual', { lang });
}

/** Life events, to browse by situation. */
export function lifeEvents(): Promise<LifeEvent[]> {
  return call('life_events');
}

/** The whole glossary. */
export function glossary(): Promise<Term[]> {
  return call('glossary');
}

/** The deploying office's contact details (`null` when the handbook has none). */
export function locality(): Promise<Locality | null> {
  return call('locality');
}

/** Procedures easily confused with this one. Rejects with `unknown-code` for an unknown code. */
export function lookAlikes(code: string): Promise<Choice[]> {
  return call('look_alikes', { code });
}

/** Titles of the guides with these codes (unknown codes are left out), in the same order. */
export function entries(codes: string[]): Promise<Entry[]> {
  return call('entries', { codes });
}

/** The guides opened, most recent first. */
export function history(): Promise<Entry[]> {
  return call('history');
}

/** Puts a guide at the top of the history; resolves to the new history. */
export function addHistory(code: string): Promise<Entry[]> {
  return call('add_history', { code });
}

/** Empties the history. */
export function clearHistory(): Promise<void> {
  return call('clear_history');
}

/** The favourite guides, in the order they were added. */
export function favourites(): Promise<Entry[]> {
  return call('favourites');
}

/** Adds a guide to the favourites or removes it; resolves to the new favourites. */
export function toggleFavourite(code: string): Promise<Entry[]> {
  return call('toggle_favourite', { code });
}

// ---------------------------------------------------------------------------------------------- kiosk
// Mirrors src/config.rs, src/feedback/ (the core) and the kiosk commands of src-tauri/src/.


/** Whether the app runs as a kiosk, and its idle settings. */
export function appMode(): Promise<AppMode> {
  return call('app_mode');
}

/** Stores a rating; resolves to its row id. */
export function submitRating(rating: RatingInput): Promise<number> {
  return call('submit_rating', { rating });
}

/** What is wrong with a petition (nothing stored); empty when it can be sent. */
export function checkPetition(petition: PetitionInput): Promise<FieldError[]> {
  return call('check_petition', { petition });
}

/** Stores a petition; resolves to its row id. Rejects with code `invalid` and `fields` when wrong. */
export function submitPetition(petition: PetitionInput): Promise<number> {
  return call('submit_petition', { petition });
}

/** Unlocks the admin screen with the PIN (checked in the shell); `false` when wrong. */
export function adminUnlock(pin: string): Promise<boolean> {
  return call('admin_unlock', { pin });
}

/** Locks the admin screen again. */
export function adminLock(): Promise<void> {
  return call('admin_lock');
}

/** How many petitions and ratings are stored (admin only). */
export function feedbackCounts(): Promise<FeedbackCounts> {
  return call('feedback_counts');
}

/** Exports petitions and ratings to a CSV file in the data folder, removing the exported petitions with
 * `purge` (admin only). */
export function exportFeedback(purge: boolean): Promise<ExportSummary> {
  return call('export_feedback', { purge });
}

/** Leaves kiosk mode: the window may close and the app quits (admin only). */
export function exitKiosk(): Promise<void> {
  return call('exit_kiosk');
}

// ---------------------------------------------------------------------------------------------- packs
// Mirrors src/pack/mod.rs, src/pack/install.rs, src/pack/diff.rs (the core) and src-tauri/src/packs.rs.

/** Where the handbook in use comes from. */
export function packStatus(): Promise<PackStatus> {
  return call('pack_status');
}

/** Installs a `.sotaypack` file from its bytes and uses it at once (admin only in kiosk mode). Rejects
 * with `pack-rejected` and the reason when the pack is refused; the handbook in use is then unchanged. */
export function installPack(bytes: Uint8Array): Promise<InstallReport> {
  return call('install_pack', bytes);
}

/** Goes back to the previous pack (one step) and uses it (admin only in kiosk mode). */
export function rollbackPack(): Promise<InstallReport> {
  return call('rollback_pack');
}

// ------------------------------------------------------------------ printing (src-tauri/src/printing.rs)

/** The print view's paper, handed by the shell to the print dialog (WebKitGTK ignores CSS `@page` sizes). */
export function setPrintPaper(paper: Paper): Promise<void> {
  return call('set_print_paper', { paper });
}

// ---------------------------------------------------------------------- speech (src-tauri/src/speech.rs)
// Mirrors src/speech/ and src/config.rs `SpeechConfig` (the core).

function speechChannel(onEvent: (e: SpeechEvent) => void): IpcChannel<SpeechEvent> {
  const channel = new IpcChannel<SpeechEvent>();
  channel.onmessage = onEvent;
  return channel;
}

/** Whether speech runs, and the settings in force. */
export function speechStatus(): Promise<SpeechInfo> {
  return call('speech_status');
}

/** Says a text of the screen (stopping what was being said); resolves to the utterance's id. */
export function speak(text: string, lang: 'vi' | 'en', onEvent: (e: SpeechEvent) => void): Promise<number> {
  return call('speak', { text, lang, onEvent: speechChannel(onEvent) });
}

/** Says a guide (title, summary, papers, fee and time per channel, where to go). */
export function speakGuide(code: string, onEvent: (e: SpeechEvent) => void): Promise<number> {
  return call('speak_guide', { code, onEvent: speechChannel(onEvent) });
}

/** Stops what is being said; resolves to the stopped utterance's id, or null. */
export function speechStop(): Promise<number | null> {
  return call('speech_stop');
}

/** Sets the voice (admin only), saved to config.toml. */
export function setSpeech(settings: VoiceSettings): Promise<SpeechSettings> {
  return call('set_speech', { settings });
}

// ---- Declaration forms (src/forms/mod.rs) ----

/** The form with this id. Rejects with an {@link IpcError} (`unknown-form` if none). */
export function form(id: string): Promise<Form> {
  return call('form', { id });
}

/** Saves the filled form as a PDF in the user's Documents folder (desk only) and returns its path.
 * Rejects with an {@link IpcError} (`invalid` with `fields` when a value is refused). */
export function saveFormPdf(id: string, values: Record<string, string>): Promise<string> {
  return call('save_form_pdf', { id, values });
}

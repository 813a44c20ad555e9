// The one typed IPC module: every call from the UI to the Rust core goes through here.
//
// The types mirror the core's serde types field for field (src/search/mod.rs, src/search/engine.rs,
// src/content/mod.rs, src/content/data.rs, src/guide/model.rs, src/search/analyze.rs) and the shell's
// IpcError and Entry (src-tauri/src/commands.rs). Optional fields are the ones the core skips when absent.

import { Channel as IpcChannel, type InvokeArgs, invoke } from '@tauri-apps/api/core';
import type { Paper } from './prefs';

/** Administrative level that handles a procedure. */
export type Level = 'xa' | 'tinh' | 'bo' | 'khac';

/** How a file can be lodged. */
export type ChannelKind = 'truc-tiep' | 'truc-tuyen' | 'buu-chinh';

/** Which part of the documents checklist a group is. */
export type GroupKind = 'submit' | 'show' | 'case';

/** Whether a document is an original, a copy, or either. */
export type CopyForm = 'original' | 'copy' | 'either';

/** What part of a procedure the query asked about. */
export type Intent = 'fee' | 'time' | 'place' | 'documents';

/** Who a procedure is for (src/lang/mod.rs `Audience`, serialized as its id). */
export type Audience = 'cong-dan' | 'nuoc-ngoai' | 'to-chuc' | 'luc-luong-vu-trang';

/** Where a guide's text comes from: written by the content office, or converted from the national
 * portal's record without editing ("chưa biên tập"). */
export type Origin = 'edited' | 'national';

/** Facet filters; every one set must match. */
export interface Filters {
  field?: string;
  level?: Level;
  /** Life event id. */
  event?: string;
  audience?: Audience;
  /** Ministry, as the catalogue names it ("Bộ Tư pháp"). */
  ministry?: string;
}

/** How to search. */
export interface SearchOptions {
  /** Most hits returned (1–1000). */
  limit: number;
  filters?: Filters;
  /** Treat the last word as a prefix (search as you type). */
  prefix?: boolean;
}

/** One result. */
export interface Hit {
  code: string;
  title: string;
  field: string;
  score: number;
  /** HTML: escaped text with matched words in `<b>`. */
  snippet: string;
}

/** A member of a look-alike family. */
export interface Choice {
  code: string;
  title: string;
  choose_when: string;
}

/** The look-alike family the leading results belong to. */
export interface FamilyChoice {
  id: string;
  name: string;
  question: string;
  members: Choice[];
}

/** The answer to a query. */
export interface SearchResults {
  /** The query as normalized. */
  query: string;
  total: number;
  took_us: number;
  hits: Hit[];
  ambiguous: boolean;
  family?: FamilyChoice;
  /** "Did you mean": a corrected query with diacritics. */
  suggestion?: string;
  intent?: Intent;
}

/** Processing time and fee for one channel. */
export interface Channel {
  channel: ChannelKind;
  time: string;
  fee: string;
  note?: string;
  /** Why the time says "xem ghi chú" instead of a duration. */
  time_reason?: string;
  /** Why the fee says "xem ghi chú" instead of an amount. */
  fee_reason?: string;
  /** The last day the fee applies (`YYYY-MM-DD`). */
  fee_valid_until?: string;
  /** The rate after `fee_valid_until`. */
  fee_then?: string;
}

/** "(1 bản chính)" parsed. */
export interface Quantity {
  count: number;
  form: CopyForm;
  label: string;
}

/** One paper of the checklist. */
export interface DocumentItem {
  id: string;
  text: string;
  /** Sanitized HTML of `text`. */
  html: string;
  quantity?: Quantity;
  /** Why the paper is no longer asked for: shown struck through, never required, never missing. */
  superseded?: string;
  /** The official form to fill for this paper (a form id, see {@link form}). */
  form?: string;
}

/** A legal text the record lists that is repealed or does not apply, with the reason. */
export interface Superseded {
  text: string;
  reason: string;
}

/** A heading of the checklist and its papers. */
export interface DocumentGroup {
  kind: GroupKind;
  title: string;
  items: DocumentItem[];
}

/** A paragraph or list item of free text. */
export interface Block {
  text: string;
  /** Sanitized HTML of `text`. */
  html: string;
}

/** One procedure guide. */
export interface Guide {
  code: string;
  title: string;
  official_title: string;
  summary: string;
  field: string;
  levels: Level[];
  agency: string;
  applicants: string[];
  decision: string;
  results: string[];
  legal_basis: string[];
  /** Legal texts the record lists that no longer apply (sent only when there are some). */
  legal_basis_superseded?: Superseded[];
  aliases: string[];
  life_events: string[];
  related: string[];
  choose_when?: string;
  /** `YYYY-MM-DD`. */
  updated: string;
  replaced_by?: string;
  /** The procedure's page on the national portal. */
  portal_url?: string;
  origin: Origin;
  /** For a converted record: the month of the national portal's data (`YYYY-MM`). */
  record_date?: string;
  /** The ministry whose part of the national catalogue lists the procedure. */
  ministry?: string;
  /** How people ask for it: searched, never shown (sent only when there are some). */
  questions?: string[];
  channels: Channel[];
  documents: DocumentGroup[];
  steps: Block[];
  conditions: Block[];
  notes: Block[];
  source: string;
}

/** What the loaded handbook is. */
export interface ContentInfo {
  name: string;
  version: number;
  date: string;
  source: string;
  origin: string;
  guides: number;
  /** Of which edited by the content office. */
  edited: number;
  /** Of which converted from the national catalogue without editing. */
  national: number;
  /** The month of the national catalogue's data (`YYYY-MM`), when the handbook has one. */
  record_date?: string;
}

/** A value of a facet and how many guides have it. */
export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

/** Every facet of the handbook with counts. */
export interface Facets {
  fields: FacetCount[];
  /** Counted over every guide, whatever the scope asked. */
  levels: FacetCount[];
  events: FacetCount[];
  /** Values are {@link Audience} ids. */
  audiences: FacetCount[];
  ministries: FacetCount[];
  /** The level of the office the app serves (`config.toml`): the desk's default scope. */
  office: Level;
}

/** A life event (sự kiện cuộc sống), to browse procedures by situation. */
export interface LifeEvent {
  id: string;
  name: string;
  description: string;
}

/** What kind of glossary entry a term is: abbreviation, old term, technical term, everyday phrase. */
export type TermKind = 'viet-tat' | 'tu-cu' | 'thuat-ngu' | 'cach-noi';

/** One glossary entry. */
export interface Term {
  term: string;
  kind: TermKind;
  /** Its current meaning, in plain words. */
  meaning: string;
  /** Other spellings. */
  variants: string[];
  /** Search words added to a query containing the term. */
  expand: string[];
}

/** Contact details of an office. */
export interface Office {
  name: string;
  address: string;
  phone: string;
  email: string;
  /** Opening hours, in words ("" when not given). */
  hours: string;
}

/** The office that deploys the handbook. */
export interface Locality {
  /** True for the shipped sample: the UI labels it "dữ liệu mẫu". */
  sample: boolean;
  /** The receiving desk. */
  office: Office;
  /** Where petitions about procedures go. */
  petitions: Office;
}

/** A guide as the UI lists it (history, favourites, related procedures). */
export interface Entry {
  code: string;
  title: string;
  field: string;
}

/** An error from a command: `code` is `io`, `invalid-content`, `unknown-code`, `index`, `bad-input`,
 * `json`, `invalid` (with `fields`), `locked` (admin command while locked), `pack-rejected` (a content pack
 * was refused: the message says why), `pack` (a pack operation could not be done), or `ipc` when the call
 * itself failed. */
export interface IpcError {
  code: string;
  message: string;
  /** For `invalid`: what is wrong with each field. */
  fields?: FieldError[];
}

/** Whether a value is an {@link IpcError}. */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IpcError).code === 'string' &&
    typeof (value as IpcError).message === 'string'
  );
}

/** Any rejection of `invoke` as an {@link IpcError} (the core's, or code `ipc` for anything else). */
export function toIpcError(reason: unknown): IpcError {
  if (isIpcError(reason)) {
    const fields = Array.isArray(reason.fields) ? reason.fields.filter(isFieldError) : undefined;
    return fields ? { code: reason.code, message: reason.message, fields } : { code: reason.code, message: reason.message };
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

/** One section of the user manual: a plain-text title and sanitized HTML from the core. */
export interface ManualSection {
  title: string;
  html: string;
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

/** How the app runs: the desk UI, or the self-help kiosk with its idle reset. */
export interface AppMode {
  kiosk: boolean;
  idle_seconds: number;
  warning_seconds: number;
  /** Whether an admin PIN is set (without one the admin screen cannot be opened). */
  pin_set: boolean;
}

/** Satisfaction levels: 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng. */
export type RatingLevel = 1 | 2 | 3;

/** A citizen's rating of the service for a procedure. */
export interface RatingInput {
  code: string;
  level: RatingLevel;
}

/** A petition is a suggestion (kiến nghị) or a report of a problem (phản ánh). */
export type PetitionKind = 'kien-nghi' | 'phan-anh';

/** A petition as the citizen filled it in. */
export interface PetitionInput {
  kind: PetitionKind;
  name: string;
  address: string;
  phone: string;
  email?: string | null;
  /** The national code of the procedure concerned. */
  procedure_code?: string | null;
  summary: string;
}

/** What is wrong with one field: `field` is the snake_case key, `message` is Vietnamese. */
export interface FieldError {
  field: string;
  message: string;
}

/** How many petitions and ratings are stored. */
export interface FeedbackCounts {
  petitions: number;
  /** Of those, petitions never exported. */
  petitions_not_exported: number;
  ratings: number;
}

/** What an export wrote. */
export interface ExportSummary {
  path: string;
  petitions: number;
  ratings: number;
  /** Petitions removed after the export (with `purge`). */
  purged: number;
}

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

/** Where the handbook in use comes from: compiled into the app, or an installed pack. */
export type HandbookSource = 'embedded' | 'pack';

/** What a pack holds. */
export interface PackInfo {
  version: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Number of guides. */
  guides: number;
  /** Number of content files. */
  files: number;
  name: string;
}

/** Guides added, changed and removed from one pack to the next (national codes, sorted). */
export interface Changes {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The handbook in use: its source, the installed pack and the one before it, and what changed. */
export interface PackStatus {
  source: HandbookSource;
  /** Why the embedded handbook is in use (Vietnamese), when it is. */
  note: string | null;
  pack: PackInfo | null;
  /** The pack a rollback would return to. */
  previous: PackInfo | null;
  /** What the pack in use changed against the previous one (`null` without a previous one). */
  changes: Changes | null;
}

/** The outcome of an install or a rollback. */
export interface InstallReport {
  installed: PackInfo;
  previous: PackInfo | null;
  /** Against the previous pack (against an empty handbook when nothing was installed before). */
  changes: Changes;
}

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

/** The region of the Vietnamese voice. */
export type Region = 'northern' | 'central' | 'southern';

/** The kiosk's speech settings (`[speech]` in config.toml). */
export interface SpeechSettings {
  enabled: boolean;
  region: Region;
  /** Words per minute (80–260). */
  rate: number;
  /** dB from espeak-ng's default loudness (−24…6). */
  volume_db: number;
  /** The ALSA device. */
  device: string;
}

/** Whether speech runs (espeak-ng and aplay), why not, and the settings. */
export interface SpeechInfo {
  available: boolean;
  reason: string | null;
  version: string | null;
  speaking: number | null;
  settings: SpeechSettings;
}

/** What happened to an utterance, as the shell reports it on the call's channel. */
export type SpeechEvent =
  | { kind: 'started'; id: number; chars: number }
  | { kind: 'ended'; id: number }
  | { kind: 'stopped'; id: number }
  | { kind: 'failed'; id: number; message: string };

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
export function setSpeech(settings: Omit<SpeechSettings, 'device'>): Promise<SpeechSettings> {
  return call('set_speech', { settings });
}

// ---- Declaration forms (src/forms/mod.rs) ----

/** A field of a form. */
export interface FormField {
  name: string;
  type: 'text' | 'name' | 'date' | 'year' | 'id-number' | 'phone' | 'choice' | 'tick' | 'count';
  label: string;
  group: string;
  required?: boolean;
  max?: number;
  choices?: string[];
  qr?: 'id' | 'name' | 'birth' | 'sex' | 'address';
  help: string;
  help_en: string;
}

/** A piece of a printed line. */
export type FormSegment =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'box'; name: string; value: string };

/** A block of the printed layout. */
export type FormLine =
  | { kind: 'text'; style: 'normal' | 'bold' | 'motto' | 'motto-sub' | 'title' | 'corner' | 'note-head' | 'note'; segments: FormSegment[] }
  | { kind: 'table'; headers: string[]; widths: number[]; rows: number; body?: FormSegment[][][] }
  | { kind: 'cells'; cells: { style: 'normal' | 'bold' | 'italic'; segments: FormSegment[] }[][] };

/** An official form, with its legal source, fields and layout. */
export interface Form {
  id: string;
  code?: string;
  title: string;
  source: string;
  circular: string;
  effective?: string;
  note?: string;
  fields: FormField[];
  lines: FormLine[];
}

/** The form with this id. Rejects with an {@link IpcError} (`unknown-form` if none). */
export function form(id: string): Promise<Form> {
  return call('form', { id });
}

/** Saves the filled form as a PDF in the user's Documents folder (desk only) and returns its path.
 * Rejects with an {@link IpcError} (`invalid` with `fields` when a value is refused). */
export function saveFormPdf(id: string, values: Record<string, string>): Promise<string> {
  return call('save_form_pdf', { id, values });
}

// Generated from the Rust types of the IPC contract by ts-rs (src-tauri/tests/ipc_types.rs).
// Do not edit: change the Rust type, then run `make ipc-types`. `make test` fails when this file is stale.
/* eslint-disable */

/**
 * The mode the UI runs in (answer of `app_mode`).
 */
export type AppMode = { 
/**
 * Kiosk mode (`--kiosk`, or `[kiosk] enabled = true` in the config).
 */
kiosk: boolean, 
/**
 * Seconds without input before the idle warning ends in a reset.
 */
idle_seconds: number, 
/**
 * Length of the countdown shown before the reset.
 */
warning_seconds: number, 
/**
 * Whether the PIN of the mode is set: the kiosk's in kiosk mode (without one the admin screen
 * cannot be opened), the desk's at a desk.
 */
pin_set: boolean, };

/**
 * Who a procedure is for, beyond Vietnamese citizens. Serialized as its [`Audience::id`], the value the
 * audience facet gives, so that a facet value can be sent back as a filter.
 */
export type Audience = "cong-dan" | "nuoc-ngoai" | "to-chuc" | "luc-luong-vu-trang";

/**
 * A paragraph or list item of free text.
 */
export type Block = { 
/**
 * Plain text.
 */
text: string, 
/**
 * Sanitized HTML. Inside the core a handbook leaves it empty when it is only the text escaped;
 * a guide handed out ([`Guide::for_display`]) always has it.
 */
html: string, };

/**
 * One line of a cell.
 */
export type CellLine = { 
/**
 * Bold (`**…**`) or italic (`*…*`) or normal.
 */
style: CellStyle, 
/**
 * Its pieces.
 */
segments: Array<FormSegment>, };

/**
 * The emphasis of a line in a cell.
 */
export type CellStyle = "normal" | "bold" | "italic";

/**
 * Guides added, changed and removed from one pack to the next (national codes, sorted): the edited
 * guides, and apart the procedures of the national catalogue.
 */
export type Changes = { 
/**
 * Edited guides only in the new pack.
 */
added: Array<string>, 
/**
 * Edited guides in both whose file differs (by sha256 or path).
 */
changed: Array<string>, 
/**
 * Edited guides only in the old pack.
 */
removed: Array<string>, 
/**
 * The national catalogue's procedures added, changed (their record differs) and removed, when
 * either pack carries a catalogue.
 */
catalogue?: Changes, };

/**
 * Processing time and fee for one channel.
 */
export type Channel = { 
/**
 * The channel.
 */
channel: ChannelKind, 
/**
 * Processing time as the record states it ("5 ngày làm việc").
 */
time: string, 
/**
 * Fee as the record states it ("Miễn lệ phí", "8.000 đồng/bản sao").
 */
fee: string, 
/**
 * Extra detail (cut-off hours, fee cases).
 */
note?: string, 
/**
 * Why the time says "xem ghi chú" instead of a duration (required for such a time).
 */
time_reason?: string, 
/**
 * Why the fee says "xem ghi chú" instead of an amount (required for such a fee).
 */
fee_reason?: string, 
/**
 * The last day the fee applies (`YYYY-MM-DD`), for a rate that ends on a known date.
 */
fee_valid_until?: string, 
/**
 * The rate that applies after `fee_valid_until`.
 */
fee_then?: string, };

/**
 * How a file can be lodged.
 */
export type ChannelKind = "truc-tiep" | "truc-tuyen" | "buu-chinh";

/**
 * A member of a look-alike family, as offered by the "which one do you mean?" chooser.
 */
export type Choice = { 
/**
 * National code.
 */
code: string, 
/**
 * Short title.
 */
title: string, 
/**
 * When to choose it.
 */
choose_when: string, };

/**
 * What the "about" panel says of the loaded handbook.
 */
export type ContentInfo = { 
/**
 * Display name.
 */
name: string, 
/**
 * Content version (0 when the folder has no manifest).
 */
version: number, 
/**
 * Date of the version.
 */
date: string, 
/**
 * Where the facts come from.
 */
source: string, 
/**
 * Where it was loaded from: `embedded` or a folder path.
 */
origin: string, 
/**
 * Number of guides.
 */
guides: number, 
/**
 * Of which edited by the content office.
 */
edited: number, 
/**
 * Of which converted from the national catalogue without editing.
 */
national: number, 
/**
 * The month of the national catalogue's data (`YYYY-MM`), when the handbook has one.
 */
record_date?: string, };

/**
 * Whether a document is an original, a copy, or either.
 */
export type CopyForm = "original" | "copy" | "either";

/**
 * A heading of the checklist and its papers.
 */
export type DocumentGroup = { 
/**
 * Submit, show, or a particular case.
 */
kind: GroupKind, 
/**
 * The heading as written ("Giấy tờ phải nộp", "Trường hợp …").
 */
title: string, 
/**
 * The papers.
 */
items: Array<DocumentItem>, };

/**
 * One paper of the checklist.
 */
export type DocumentItem = { 
/**
 * Stable id within the guide (`d1`, `d2`, …), used by the UI's checklist.
 */
id: string, 
/**
 * Plain text without the quantity.
 */
text: string, 
/**
 * Sanitized HTML of the same text. Inside the core a handbook leaves it empty when it is only
 * the text escaped; a guide handed out ([`Guide::for_display`]) always has it.
 */
html: string, 
/**
 * Quantity and form, when stated.
 */
quantity?: Quantity, 
/**
 * Why the paper is no longer asked for (sổ hộ khẩu since 2023…): the record still lists it, the
 * handbook shows it struck through with this reason and never counts it as required or missing.
 */
superseded?: string, 
/**
 * The official form to fill for this paper (`{form = "ct01"}`), the id of a `forms/*.toml`.
 */
form?: string, };

/**
 * A guide as the UI lists it (history, favourites, related procedures).
 */
export type Entry = { 
/**
 * National code.
 */
code: string, 
/**
 * Short title.
 */
title: string, 
/**
 * Field (lĩnh vực).
 */
field: string, };

/**
 * What kind of error a command failed with. The UI tells errors apart by this code, so it is an enum
 * (and a union type in the generated TypeScript): a code the UI compares with and the shell no longer
 * sends is a type error in the UI, not a silent branch that never runs.
 */
export type ErrorCode = "io" | "invalid-content" | "unknown-code" | "index" | "bad-input" | "json" | "invalid" | "locked" | "locked-out" | "database" | "config" | "pack-rejected" | "pack" | "speech" | "form" | "unknown-form" | "kiosk" | "ipc";

/**
 * What an export wrote.
 */
export type ExportSummary = { 
/**
 * The file written.
 */
path: string, 
/**
 * Petitions in the file.
 */
petitions: number, 
/**
 * Ratings in the file.
 */
ratings: number, 
/**
 * Petitions deleted from the database after the export (0 without purge).
 */
purged: number, };

/**
 * A value of a facet and how many guides have it.
 */
export type FacetCount = { 
/**
 * The value (field name, level id, or life event id).
 */
value: string, 
/**
 * The label to show.
 */
label: string, 
/**
 * Number of guides.
 */
count: number, };

/**
 * Every facet of the handbook with counts, for filter menus and browsing.
 */
export type Facets = { 
/**
 * Fields (lĩnh vực).
 */
fields: Array<FacetCount>, 
/**
 * Levels.
 */
levels: Array<FacetCount>, 
/**
 * Life events.
 */
events: Array<FacetCount>, 
/**
 * Audiences (citizens, foreign element, organisations, armed forces).
 */
audiences: Array<FacetCount>, 
/**
 * Ministries whose catalogue lists the procedures.
 */
ministries: Array<FacetCount>, 
/**
 * The level of the office the app serves (`config.toml`): the desk's default scope. Always a
 * [`Level`]'s id.
 */
office: Level, };

/**
 * The look-alike family the leading results belong to.
 */
export type FamilyChoice = { 
/**
 * Family id.
 */
id: string, 
/**
 * Family name.
 */
name: string, 
/**
 * The chooser's question.
 */
question: string, 
/**
 * Its members.
 */
members: Array<Choice>, };

/**
 * How much the database holds, for the admin screen.
 */
export type FeedbackCounts = { 
/**
 * Petitions stored.
 */
petitions: number, 
/**
 * Of those, petitions never exported.
 */
petitions_not_exported: number, 
/**
 * Ratings stored.
 */
ratings: number, };

/**
 * A value a person typed that was refused, named by its field, with a message to show next to it.
 */
export type FieldError = { 
/**
 * The field, as the snake_case key of the input (`phone`, `summary`, `pin`…).
 */
field: string, 
/**
 * What is wrong, in Vietnamese, for the person who typed it.
 */
message: string, };

/**
 * The kind of a field, which decides how its value is checked and printed.
 */
export type FieldKind = "text" | "name" | "date" | "year" | "id-number" | "phone" | "choice" | "tick" | "count";

/**
 * Facet filters; every one set must match.
 */
export type Filters = { 
/**
 * Field (lĩnh vực), as written in guides.
 */
field?: string, 
/**
 * Level.
 */
level?: Level, 
/**
 * Life event id.
 */
event?: string, 
/**
 * Audience.
 */
audience?: Audience, 
/**
 * Ministry, as the catalogue names it ("Bộ Tư pháp").
 */
ministry?: string, };

/**
 * An official form.
 */
export type Form = { 
/**
 * Key of the form (`ct01`, `khai-sinh`): the file name, used by guides (`{form = "ct01"}`).
 */
id: string, 
/**
 * The official form code when it has one (`CT01`).
 */
code?: string, 
/**
 * Name of the form.
 */
title: string, 
/**
 * The legal source, as the annex names it.
 */
source: string, 
/**
 * The circular's number (`66/2023/TT-BCA`).
 */
circular: string, 
/**
 * The date the form took effect (`YYYY-MM-DD`), when a source confirming it was found.
 */
effective?: string, 
/**
 * A caveat about the text (a part not printed, a newer circular not yet read).
 */
note?: string, 
/**
 * Form file names of the national records that mean this form.
 */
record_files?: Array<string>, 
/**
 * The fields, in filling order.
 */
fields: Array<FormField>, 
/**
 * The layout, in printing order.
 */
lines: Array<FormLine>, };

/**
 * One field of a form.
 */
export type FormField = { 
/**
 * Key of the field (`ho_ten`), used in the layout as `{ho_ten}` and in filled data.
 */
name: string, 
/**
 * How the value is checked.
 */
type: FieldKind, 
/**
 * The label printed on the form, shown above the input.
 */
label: string, 
/**
 * The step of the filling screen the field belongs to.
 */
group: string, 
/**
 * Whether the form is refused without it.
 */
required: boolean, 
/**
 * Longest value accepted, in characters (the kind's default when absent).
 */
max?: number, 
/**
 * The values of a `choice` field.
 */
choices?: Array<string>, 
/**
 * The part of the ID card's QR code that fills this field.
 */
qr?: QrPart, 
/**
 * Plain-language help in Vietnamese.
 */
help: string, 
/**
 * The same help in English.
 */
help_en: string, };

/**
 * A block of the form's layout, in printing order.
 */
export type FormLine = { "kind": "text", 
/**
 * How it is set.
 */
style: FormStyle, 
/**
 * Its pieces.
 */
segments: Array<FormSegment>, } | { "kind": "table", 
/**
 * Column headers.
 */
headers: Array<string>, 
/**
 * Relative column widths.
 */
widths: Array<number>, 
/**
 * Number of rows (of `body` when it is given, else empty ones).
 */
rows: number, 
/**
 * The printed rows, each one cell per column (its pieces); empty for a table of blank rows.
 */
body?: Array<Array<Array<FormSegment>>>, } | { "kind": "cells", 
/**
 * The cells, left to right; each a list of lines.
 */
cells: Array<Array<CellLine>>, };

/**
 * One piece of a line: words, a field's place, or a tick box of a field's value.
 */
export type FormSegment = { "kind": "text", 
/**
 * The text.
 */
text: string, } | { "kind": "field", 
/**
 * The field's name.
 */
name: string, } | { "kind": "box", 
/**
 * The field's name.
 */
name: string, 
/**
 * The value that ticks the box.
 */
value: string, };

/**
 * How a line of text is set.
 */
export type FormStyle = "normal" | "bold" | "motto" | "motto-sub" | "title" | "corner" | "note-head" | "note";

/**
 * Which part of the documents checklist a group is.
 */
export type GroupKind = "submit" | "show" | "case";

/**
 * One procedure guide, parsed and validated.
 */
export type Guide = { 
/**
 * National code, e.g. `1.000894`.
 */
code: string, 
/**
 * Short plain title.
 */
title: string, 
/**
 * Official name on the national portal.
 */
official_title: string, 
/**
 * One or two plain sentences: who, where, what they get.
 */
summary: string, 
/**
 * Field (lĩnh vực).
 */
field: string, 
/**
 * Levels that handle it.
 */
levels: Array<Level>, 
/**
 * The agency that decides.
 */
agency: string, 
/**
 * Who may apply.
 */
applicants: Array<string>, 
/**
 * Publishing decision (quyết định công bố).
 */
decision: string, 
/**
 * What the citizen receives.
 */
results: Array<string>, 
/**
 * Legal documents in force, with their numbers.
 */
legal_basis: Array<string>, 
/**
 * Legal documents the record lists that are repealed or do not apply, each with the reason; shown
 * struck through, never as a basis.
 */
legal_basis_superseded?: Array<Superseded>, 
/**
 * Everyday names ("còn gọi là").
 */
aliases: Array<string>, 
/**
 * How people actually ask for it ("bố tôi mất thì làm giấy tờ gì"): searched like aliases, shown
 * nowhere.
 */
questions?: Array<string>, 
/**
 * Life event ids.
 */
life_events: Array<string>, 
/**
 * Related procedure codes.
 */
related: Array<string>, 
/**
 * When this procedure, and not a look-alike, is the right one.
 */
choose_when?: string, 
/**
 * Date the guide was checked against the national record (`YYYY-MM-DD`).
 */
updated: string, 
/**
 * The code that replaces this procedure, if it was abolished.
 */
replaced_by?: string, 
/**
 * The procedure's page on the national portal.
 */
portal_url?: string, 
/**
 * Edited by the content office, or converted from the national record without editing.
 */
origin: Origin, 
/**
 * For a converted record: the month of the national portal's data it comes from (`YYYY-MM`).
 */
record_date?: string, 
/**
 * The ministry whose part of the national catalogue lists the procedure ("Bộ Tư pháp").
 */
ministry?: string, 
/**
 * Time and fee per channel.
 */
channels: Array<Channel>, 
/**
 * The documents checklist.
 */
documents: Array<DocumentGroup>, 
/**
 * Ordered steps.
 */
steps: Array<Block>, 
/**
 * Requirements and conditions.
 */
conditions: Array<Block>, 
/**
 * Practical notes.
 */
notes: Array<Block>, 
/**
 * The file it came from, relative to the content root.
 */
source: string, };

/**
 * Where the handbook in use comes from.
 */
export type HandbookSource = "embedded" | "pack";

/**
 * One result.
 */
export type Hit = { 
/**
 * National code.
 */
code: string, 
/**
 * Short title.
 */
title: string, 
/**
 * Field (lĩnh vực).
 */
field: string, 
/**
 * Relevance score (higher is better; comparable within one result list only).
 */
score: number, 
/**
 * A passage of the guide with matched words in `<b>`, HTML-escaped otherwise.
 */
snippet: string, };

/**
 * The outcome of an install or a rollback.
 */
export type InstallReport = { 
/**
 * The pack now in use.
 */
installed: PackInfo, 
/**
 * The pack in use before.
 */
previous: PackInfo | null, 
/**
 * Guides added, changed and removed from the previous pack to the one now in use (against an empty
 * handbook when nothing was installed before).
 */
changes: Changes, };

/**
 * What part of a procedure the person asked about, if the query says.
 */
export type Intent = "fee" | "time" | "place" | "documents";

/**
 * An error as the UI receives it (the rejection value of `invoke`).
 */
export type IpcError = { 
/**
 * What kind of error.
 */
code: ErrorCode, 
/**
 * What went wrong, for the log and the curious.
 */
message: string, 
/**
 * For `invalid`: what is wrong with each field, to show under it.
 */
fields?: Array<FieldError>, };

/**
 * Administrative level that handles a procedure (no district level since 1 July 2025).
 */
export type Level = "xa" | "tinh" | "bo" | "khac";

/**
 * A life event (sự kiện cuộc sống) used to browse procedures by situation.
 */
export type LifeEvent = { 
/**
 * Identifier used by guides' `life_events`.
 */
id: string, 
/**
 * Short name ("Kết hôn").
 */
name: string, 
/**
 * A plain sentence describing what it covers.
 */
description: string, };

/**
 * `locality.toml`: the office that deploys the handbook.
 */
export type Locality = { 
/**
 * True for the shipped sample: the UI labels it as sample data.
 */
sample: boolean, 
/**
 * The receiving desk.
 */
office: Office, 
/**
 * Where petitions about procedures go.
 */
petitions: Office, };

/**
 * One section of the manual.
 */
export type ManualSection = { 
/**
 * The heading, plain text.
 */
title: string, 
/**
 * The body, sanitized HTML.
 */
html: string, };

/**
 * Contact details of an office.
 */
export type Office = { 
/**
 * Name.
 */
name: string, 
/**
 * Street address.
 */
address: string, 
/**
 * Phone number.
 */
phone: string, 
/**
 * Email address.
 */
email: string, 
/**
 * Opening hours, in words.
 */
hours: string, };

/**
 * Where a guide's text comes from.
 */
export type Origin = "edited" | "national";

/**
 * What a pack holds, for display.
 */
export type PackInfo = { 
/**
 * Pack version.
 */
version: number, 
/**
 * Pack date, `YYYY-MM-DD`.
 */
date: string, 
/**
 * Number of guides.
 */
guides: number, 
/**
 * Number of content files.
 */
files: number, 
/**
 * Display name of the handbook.
 */
name: string, };

/**
 * What the app shows about the handbook in use (serializable, without the handbook itself).
 */
export type PackStatus = { 
/**
 * Where the handbook comes from.
 */
source: HandbookSource, 
/**
 * Why the embedded handbook is in use (Vietnamese, for the user), when it is.
 */
note: string | null, 
/**
 * The installed pack in use.
 */
pack: PackInfo | null, 
/**
 * The pack a rollback would return to.
 */
previous: PackInfo | null, 
/**
 * What the pack in use changed against the previous one (`None` when there is no previous one).
 */
changes: Changes | null, };

/**
 * A paper size of the print view.
 */
export type Paper = "A4" | "A5";

/**
 * A petition as the form (or `sotay feedback add`) sends it.
 */
export type PetitionInput = { 
/**
 * Kiến nghị or phản ánh.
 */
kind: PetitionKind, 
/**
 * The sender's full name.
 */
name: string, 
/**
 * The sender's address.
 */
address: string, 
/**
 * The sender's phone number (Vietnamese formats).
 */
phone: string, 
/**
 * The sender's email address, optional.
 */
email?: string | null, 
/**
 * The national code of the procedure concerned, if any.
 */
procedure_code?: string | null, 
/**
 * What the petition is about.
 */
summary: string, };

/**
 * The two kinds of petition.
 */
export type PetitionKind = "kien-nghi" | "phan-anh";

/**
 * Which part of the ID card's QR code fills a field.
 */
export type QrPart = "id" | "name" | "birth" | "sex" | "address";

/**
 * "(1 bản chính)" parsed.
 */
export type Quantity = { 
/**
 * How many.
 */
count: number, 
/**
 * Original, copy or either.
 */
form: CopyForm, 
/**
 * The words as written ("bản sao có chứng thực").
 */
label: string, };

/**
 * A rating as the UI sends it.
 */
export type RatingInput = { 
/**
 * The national code of the procedure rated.
 */
code: string, 
/**
 * 1 = Không hài lòng, 2 = Hài lòng, 3 = Rất hài lòng.
 */
level: 1 | 2 | 3, };

/**
 * The region of a Vietnamese voice: espeak-ng's voice, and how numbers are read.
 */
export type Region = "northern" | "central" | "southern";

/**
 * How to search.
 */
export type SearchOptions = { 
/**
 * Most hits returned.
 */
limit: number, 
/**
 * Facet filters.
 */
filters?: Filters, 
/**
 * Treat the last word as a prefix (search as you type).
 */
prefix?: boolean, };

/**
 * The answer to a query. The CLI's `--json` output is this object; its first five keys are a contract.
 */
export type SearchResults = { 
/**
 * The query as normalized.
 */
query: string, 
/**
 * How many guides matched in all.
 */
total: number, 
/**
 * Time spent searching, in microseconds.
 */
took_us: number, 
/**
 * The best hits, best first.
 */
hits: Array<Hit>, 
/**
 * True when the leading hits are look-alikes with close scores: ask which one is meant.
 */
ambiguous: boolean, 
/**
 * The family to choose from when `ambiguous`.
 */
family?: FamilyChoice, 
/**
 * "Did you mean": a corrected query with diacritics, for zero or weak results.
 */
suggestion?: string, 
/**
 * What the query asked about (fee, time, place, documents), if it said.
 */
intent?: Intent, };

/**
 * What happened to an utterance (sent to the UI as it happens).
 */
export type SpeechEvent = { "kind": "started", 
/**
 * The utterance.
 */
id: number, 
/**
 * Characters of the spoken (normalised) text.
 */
chars: number, } | { "kind": "ended", 
/**
 * The utterance.
 */
id: number, } | { "kind": "stopped", 
/**
 * The utterance.
 */
id: number, } | { "kind": "failed", 
/**
 * The utterance.
 */
id: number, 
/**
 * What failed, with the program's own message.
 */
message: string, };

/**
 * What `speech_status` answers.
 */
export type SpeechInfo = { 
/**
 * espeak-ng and aplay run.
 */
available: boolean, 
/**
 * Why not, for the admin screen.
 */
reason: string | null, 
/**
 * espeak-ng's version line.
 */
version: string | null, 
/**
 * The utterance being said.
 */
speaking: number | null, 
/**
 * The settings in force.
 */
settings: SpeechSettings, };

/**
 * `[speech]`: the kiosk's speech output (espeak-ng, [`crate::speech`]).
 */
export type SpeechSettings = { 
/**
 * Speech on when a citizen starts (each citizen can turn it on or off with one tap).
 */
enabled: boolean, 
/**
 * The region of the Vietnamese voice.
 */
region: Region, 
/**
 * Words per minute ([`crate::speech::RATE_WPM`]).
 */
rate: number, 
/**
 * Volume in dB from espeak-ng's default ([`crate::speech::VOLUME_DB`]).
 */
volume_db: number, 
/**
 * The ALSA device the player plays on.
 */
device: string, };

/**
 * A legal text the record still lists although it is repealed or does not apply, with the reason.
 */
export type Superseded = { 
/**
 * The text as the record names it.
 */
text: string, 
/**
 * Why it no longer applies ("thay bằng Luật Cư trú số 68/2020/QH14 từ 01/7/2021").
 */
reason: string, };

/**
 * One glossary entry: explained in the UI, and expanded in queries.
 */
export type Term = { 
/**
 * The term as written ("CCCD", "sổ đỏ").
 */
term: string, 
/**
 * Abbreviation, old term, technical term or everyday phrase.
 */
kind: TermKind, 
/**
 * Its current meaning, in plain words.
 */
meaning: string, 
/**
 * Other spellings.
 */
variants: Array<string>, 
/**
 * Search words added to a query that contains the term.
 */
expand: Array<string>, 
/**
 * The meaning states a legal fact (a date, an age, a time limit, a right or duty): it must name
 * its `source`. Entries that only explain a word leave it out.
 */
legal?: boolean, 
/**
 * Where the legal fact is written ("Điều 46, Luật Căn cước số 26/2023/QH15").
 */
source?: string, };

/**
 * What kind of glossary entry a term is.
 */
export type TermKind = "viet-tat" | "tu-cu" | "thuat-ngu" | "cach-noi";

/**
 * The voice settings the admin screen sets.
 */
export type VoiceSettings = { 
/**
 * Speech on when a citizen starts.
 */
enabled: boolean, 
/**
 * The region of the voice.
 */
region: Region, 
/**
 * Words per minute.
 */
rate: number, 
/**
 * dB from espeak-ng's default.
 */
volume_db: number, };

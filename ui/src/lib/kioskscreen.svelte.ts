// What the kiosk shows and holds for the person using it, as one reactive object: the page, the search,
// the open guide with its ticks and rating, the dialogs, the on-screen keyboard, the display settings and
// the form being filled. Nothing of it is kept in the webview's storage; `home` ("Trang đầu") forgets the
// person's work and `reset` (the idle reset) the display settings too. The component (`KioskApp`) does
// the talking to the shell and the focus and scrolling; the state and its resets live here, testable
// without a DOM.

import type { FormSession } from './formfill';
import type { Guide, IpcError, RatingLevel } from './ipc';
import { inUse } from './kiosk';
import type { Locale } from './locale.svelte';
import { type Outcome, type Query, emptyQuery } from './searcher';

/** A kiosk screen. */
export type Page = 'search' | 'guide' | 'petition' | 'admin' | 'form';

/** The kiosk's state for the person in front of it. */
export class KioskScreen {
  page: Page = $state('search');
  query: Query = $state(emptyQuery());
  outcome: Outcome = $state({ kind: 'idle' });
  guide: Guide | null = $state(null);
  ticked: ReadonlySet<string> = $state(new Set());
  rated: RatingLevel | null = $state(null);
  /** A rating is being sent. */
  rating = $state(false);
  receiptOpen = $state(false);
  contactOpen = $state(false);
  pinOpen = $state(false);
  /** The title of the guide the petition is about ("" when none). */
  petitionAbout = $state('');
  /** Where "Quay lại" on the petition form goes. */
  petitionFrom: Page = 'search';
  error: IpcError | null = $state(null);
  /** The idle warning's seconds left, `null` when it is not shown. */
  countdown: number | null = $state(null);
  /** Whether the on-screen keyboard is open: it opens when a text field is touched (or with its button)
   * and folds away with its button, on search, when a guide opens, and on going home; it never folds on
   * blur, so nothing moves under a finger between touching and releasing. */
  keyboardOpen = $state(false);
  /** The text size step ("A+"). */
  textStep = $state(0);
  contrast = $state(false);
  telex = $state(false);
  /** The form being filled: its values live in this session only, wiped on leaving it and on going home. */
  formSession: FormSession | null = $state.raw(null);

  /** @param locale the kiosk's language, a display setting the reset puts back to Vietnamese */
  constructor(private readonly locale: Locale) {}

  /** The search results shown, if any. */
  get results() {
    return this.outcome.kind === 'results' ? this.outcome.results : null;
  }

  /** Whether the screen has text fields, so the keyboard dock is shown. */
  get showKeyboard(): boolean {
    return this.page === 'search' || this.page === 'petition' || this.page === 'form';
  }

  /** Whether anything of the last person is on the screen (so the idle warning is worth showing). */
  inUse(): boolean {
    return inUse({
      page: this.page,
      text: this.query.text,
      event: this.query.event,
      overlay: this.receiptOpen || this.contactOpen || this.pinOpen,
      textStep: this.textStep,
      contrast: this.contrast,
      lang: this.locale.lang,
      telex: this.telex,
    });
  }

  /** Shows `guide`, with no ticks, rating or receipt yet. */
  showGuide(guide: Guide): void {
    this.closeGuide();
    this.guide = guide;
    this.page = 'guide';
    this.keyboardOpen = false;
    this.error = null;
  }

  /** Forgets the guide and everything done on it (ticks, rating, receipt). */
  closeGuide(): void {
    this.guide = null;
    this.ticked = new Set();
    this.rated = null;
    this.rating = false;
    this.receiptOpen = false;
  }

  /** Back from a guide to the search screen (its results kept). */
  backToSearch(): void {
    this.closeGuide();
    this.page = 'search';
  }

  /** Shows the form `session` to fill (a form open before is wiped). */
  showForm(session: FormSession): void {
    this.formSession?.wipe();
    this.formSession = session;
    this.page = 'form';
    this.keyboardOpen = false;
  }

  /** Wipes the values of the form being filled and forgets it. */
  closeForm(): void {
    this.formSession?.wipe();
    this.formSession = null;
  }

  /** Leaves the form (wiped) for the guide it was opened from, else the search screen. */
  leaveForm(): void {
    this.closeForm();
    this.page = this.guide ? 'guide' : 'search';
  }

  /** Opens the petition form, about the guide shown if any; returns that guide's code ("" when none). */
  showPetition(): string {
    const about = this.page === 'guide' ? this.guide : null;
    this.petitionFrom = about ? 'guide' : 'search';
    this.petitionAbout = about ? about.title : '';
    this.page = 'petition';
    this.receiptOpen = false;
    return about ? about.code : '';
  }

  /** Leaves the petition form for where it was opened from (the guide, if it is still open). */
  leavePetition(): void {
    this.petitionAbout = '';
    this.page = this.petitionFrom === 'guide' && this.guide ? 'guide' : 'search';
  }

  /** The PIN was accepted: the admin screen, with the guide forgotten. */
  showAdmin(): void {
    this.pinOpen = false;
    this.closeGuide();
    this.page = 'admin';
  }

  /** Back to the home screen as it starts ("Trang đầu"), keeping the display settings. */
  home(): void {
    this.closeForm();
    this.closeGuide();
    this.petitionAbout = '';
    this.page = 'search';
    this.query = emptyQuery();
    this.outcome = { kind: 'idle' };
    this.contactOpen = false;
    this.pinOpen = false;
    this.keyboardOpen = false;
    this.error = null;
  }

  /** The idle reset: home, and every display setting back to its default. */
  reset(): void {
    this.home();
    this.locale.set('vi');
    this.textStep = 0;
    this.contrast = false;
    this.telex = false;
    this.countdown = null;
  }

  /** Escape: closes the topmost dialog (receipt, contact, PIN pad); not during the idle warning. */
  closeDialog(): void {
    if (this.countdown !== null) return;
    if (this.receiptOpen) this.receiptOpen = false;
    else if (this.contactOpen) this.contactOpen = false;
    else if (this.pinOpen) this.pinOpen = false;
  }
}

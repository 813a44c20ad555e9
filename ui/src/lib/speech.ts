// The kiosk's speech: what the "Nghe đọc" button, the speech toggle and the echoes do, over the shell's
// speech commands (espeak-ng run by the core). The backend is injected, so the logic is tested without
// the shell. The state a screen shows (speaking or not, the citizen's toggle, the last failure) and a
// short log of the shell's events (read by the e2e tests through a data attribute) come from here.

import type { SpeechEvent } from './ipc';

/** What the controller calls: the shell's commands (ipc.ts), or fakes in tests. */
export interface SpeechBackend {
  speak(text: string, lang: 'vi' | 'en', onEvent: (e: SpeechEvent) => void): Promise<number>;
  speakGuide(code: string, onEvent: (e: SpeechEvent) => void): Promise<number>;
  stop(): Promise<number | null>;
}

/** What a screen shows of speech. */
export interface SpeechView {
  /** espeak-ng and the player run: the "Nghe đọc" buttons are shown. */
  available: boolean;
  /** The citizen's (or the office's default) "speech on": keys, ticks and warnings are spoken. */
  on: boolean;
  /** An utterance is being said. */
  speaking: boolean;
  /** The last failure (a player without a device…), empty when none. */
  error: string;
  /** The shell's events, oldest first, as `started:ID`, `ended:ID`, `stopped:ID`, `failed:ID`. */
  log: readonly string[];
}

/** The most events kept in the log. */
export const LOG_SIZE = 20;

/** Runs speech for one kiosk screen set. */
export class SpeechController {
  private state: SpeechView = { available: false, on: false, speaking: false, error: '', log: [] };
  private defaultOn = false;
  /** The utterance the screen waits for (the last one asked for). */
  private current: number | null = null;
  /** Counts requests, so an answer to an older one is ignored. */
  private asked = 0;
  /** The request number of the last utterance asked for. */
  private latestSpeak = 0;
  /** Speech was used since the last reset (the idle warning is then spoken even with the toggle off). */
  private used = false;

  constructor(
    private readonly backend: SpeechBackend,
    private readonly onChange: (view: SpeechView) => void,
  ) {}

  /** The current view. */
  get view(): SpeechView {
    return this.state;
  }

  private set(patch: Partial<SpeechView>) {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }

  /** What the shell said at start: whether speech runs, and the office's default. */
  configure(available: boolean, defaultOn: boolean): void {
    this.defaultOn = defaultOn;
    this.set({ available, on: available && defaultOn });
  }

  /** The citizen's one-tap toggle. Turning it off stops what is being said. */
  toggle(): void {
    if (!this.state.available) return;
    const on = !this.state.on;
    this.set({ on });
    if (!on) void this.stop();
  }

  /** Says `text` ("Nghe đọc" on a screen). */
  say(text: string, lang: 'vi' | 'en'): Promise<void> {
    return this.start((cb) => this.backend.speak(text, lang, cb), text.trim() !== '');
  }

  /** Says a guide. */
  sayGuide(code: string): Promise<void> {
    return this.start((cb) => this.backend.speakGuide(code, cb), code !== '');
  }

  /** Says `text` only when speech is on (a key of the on-screen keyboard, a ticked paper). */
  echo(text: string, lang: 'vi' | 'en'): Promise<void> {
    return this.state.on ? this.say(text, lang) : Promise.resolve();
  }

  /** Says the idle warning when speech is on or was used by this citizen. */
  warn(text: string, lang: 'vi' | 'en'): Promise<void> {
    return this.state.on || this.used ? this.say(text, lang) : Promise.resolve();
  }

  /** Stops what is being said (the stop button, navigation). Nothing is asked of the shell when nothing
   * is being said. */
  async stop(): Promise<void> {
    this.asked++;
    if (this.current === null && !this.state.speaking) return;
    this.current = null;
    this.set({ speaking: false });
    try {
      await this.backend.stop();
    } catch {
      // Nothing to stop any more.
    }
  }

  /** The idle reset: stop, forget this citizen's toggle. */
  async reset(): Promise<void> {
    await this.stop();
    this.used = false;
    this.set({ on: this.state.available && this.defaultOn, error: '', log: [] });
  }

  private async start(run: (cb: (e: SpeechEvent) => void) => Promise<number>, something: boolean): Promise<void> {
    if (!this.state.available || !something) return;
    const mine = ++this.asked;
    this.latestSpeak = mine;
    this.used = true;
    this.set({ speaking: true, error: '' });
    try {
      const id = await run((e) => this.event(e, mine));
      if (mine === this.asked) this.current = id;
      // A stop came while the shell was starting it (and no newer request replaced it): stop it now.
      else if (mine === this.latestSpeak) void this.backend.stop().catch(() => {});
    } catch (e) {
      if (mine !== this.asked) return;
      this.set({ speaking: false, error: e instanceof Error ? e.message : String((e as { message?: string })?.message ?? e) });
    }
  }

  private event(e: SpeechEvent, request: number) {
    const log = [...this.state.log, `${e.kind}:${e.id}`].slice(-LOG_SIZE);
    if (e.kind === 'started' && request !== this.asked) {
      // Stopped (or replaced) before it started: it is not the screen's any more.
      this.set({ log });
      return;
    }
    if (e.kind === 'started') {
      this.current = e.id;
      this.set({ log, speaking: true });
      return;
    }
    const mine = this.current === e.id;
    if (mine) this.current = null;
    this.set({
      log,
      speaking: mine ? false : this.state.speaking,
      error: e.kind === 'failed' ? e.message : this.state.error,
    });
  }
}

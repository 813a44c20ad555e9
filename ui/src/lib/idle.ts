// The kiosk's idle reset: after `idleSeconds` without input a warning counts down `warningSeconds`; when
// it reaches zero the kiosk forgets everything and returns home. The timers are injected, so the logic is
// tested with fake ones and no DOM. The `use:activity` action feeds it the page's input.

import type { ActionReturn } from 'svelte/action';

/** The timer functions the watcher uses (the window's, or fakes in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the watcher tells the screen. */
export interface IdleHandlers {
  /** Whether there is anything to clear; when not, the idle time passes without a warning. */
  hasState(): boolean;
  /** The countdown shows `remaining` seconds (called when the warning starts and each second after). */
  onCountdown(remaining: number): void;
  /** The countdown reached zero: clear everything. */
  onReset(): void;
}

/** Where the watcher is. */
export type IdlePhase = 'stopped' | 'watching' | 'warning';

/** The least and most idle time a kiosk accepts, in seconds (the config file's bounds). */
export const IDLE_BOUNDS = { min: 15, max: 3600 } as const;

/** The shortest idle warning, in seconds: WCAG 2.2 §2.2.1 gives a person at least 20 seconds to ask for
 * more time (the config refuses less). */
export const MIN_WARNING = 20;

/** Idle and warning durations made safe to use: idle within {@link IDLE_BOUNDS}, the warning between
 * {@link MIN_WARNING} seconds and the idle time. */
export function clampDurations(idleSeconds: number, warningSeconds: number): { idle: number; warning: number } {
  const idle = Math.round(Math.min(IDLE_BOUNDS.max, Math.max(IDLE_BOUNDS.min, idleSeconds || 90)));
  const warning = Math.round(Math.min(idle, Math.max(MIN_WARNING, warningSeconds || 20)));
  return { idle, warning };
}

/** Whether the warning beeps with `remaining` seconds left of `total`: when it starts, then each of the
 * last five seconds. */
export function beepsAt(remaining: number, total: number): boolean {
  return remaining === total || (remaining > 0 && remaining <= 5);
}

/** Watches for input and runs the warning and the reset. */
export class IdleWatcher {
  private handle: unknown = undefined;
  private remaining = 0;
  private current: IdlePhase = 'stopped';

  /**
   * @param idleSeconds time without input before the warning
   * @param warningSeconds length of the countdown
   */
  constructor(
    private readonly idleSeconds: number,
    private readonly warningSeconds: number,
    private readonly handlers: IdleHandlers,
    private readonly timers: Timers,
  ) {}

  /** The current phase. */
  get phase(): IdlePhase {
    return this.current;
  }

  /** Starts watching (from now). */
  start(): void {
    this.watch();
  }

  /** Input happened: the idle time starts again. Ignored during the warning, which only
   * {@link moreTime} (the "Thêm thời gian" button) or the reset ends. */
  activity(): void {
    if (this.current === 'watching') this.watch();
  }

  /** The user asked for more time: the warning closes and the idle time starts again. */
  moreTime(): void {
    if (this.current !== 'stopped') this.watch();
  }

  /** Stops every timer. */
  stop(): void {
    this.clear();
    this.current = 'stopped';
  }

  private clear() {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private watch() {
    this.clear();
    this.current = 'watching';
    this.handle = this.timers.setTimeout(this.idle, this.idleSeconds * 1000);
  }

  private readonly idle = () => {
    this.handle = undefined;
    if (!this.handlers.hasState()) {
      this.watch();
      return;
    }
    this.current = 'warning';
    this.remaining = this.warningSeconds;
    this.handlers.onCountdown(this.remaining);
    this.handle = this.timers.setTimeout(this.tick, 1000);
  };

  private readonly tick = () => {
    this.handle = undefined;
    this.remaining--;
    if (this.remaining > 0) {
      this.handlers.onCountdown(this.remaining);
      this.handle = this.timers.setTimeout(this.tick, 1000);
      return;
    }
    this.handlers.onReset();
    this.watch();
  };
}

/** The events that show someone is using the kiosk. */
export const ACTIVITY_EVENTS: readonly string[] = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'];

/** Whether an event of this type is a deliberate tap or key press: it unlocks the audio, and during the
 * warning it gives more time (WCAG 2.2 §2.2.1), where a scroll or typing echo only counts as activity. */
export function isPress(type: string): boolean {
  return type === 'pointerdown' || type === 'keydown';
}

/** Calls `onactivity` for each of the {@link ACTIVITY_EVENTS} anywhere in the window of `node`, while
 * `node` is in the page (`<div use:activity={handler}>`); listens in the capture phase, passively, so a
 * handler that stops an event does not hide it. */
export function activity(node: Node, onactivity: (event: Event) => void): ActionReturn<(event: Event) => void> {
  const win: EventTarget = node.ownerDocument?.defaultView ?? window;
  let current = onactivity;
  const listener = (event: Event) => current(event);
  for (const type of ACTIVITY_EVENTS) win.addEventListener(type, listener, { capture: true, passive: true });
  return {
    update(next) {
      current = next;
    },
    destroy() {
      for (const type of ACTIVITY_EVENTS) win.removeEventListener(type, listener, { capture: true });
    },
  };
}

import { describe, expect, it, vi } from 'vitest';
import { marriageGuide, sampleResults } from './fixtures';
import type { FormSession } from './formfill';
import { KioskScreen } from './kioskscreen.svelte';
import { Locale } from './locale.svelte';
import { emptyQuery } from './searcher';

/** A form session that only records being wiped. */
const fakeSession = () => ({ wipe: vi.fn() }) as unknown as FormSession & { wipe: ReturnType<typeof vi.fn> };

/** A kiosk in use: a search, a guide with a tick, a rating, the receipt and a form open, display changed. */
function busy() {
  const locale = new Locale('vi');
  const screen = new KioskScreen(locale);
  screen.query = { ...emptyQuery(), text: 'kết hôn' };
  screen.outcome = { kind: 'results', query: screen.query, results: sampleResults('kết hôn') };
  screen.showGuide(marriageGuide());
  screen.ticked = new Set(['a']);
  screen.rated = 2;
  screen.receiptOpen = true;
  screen.keyboardOpen = true;
  screen.error = { code: 'io', message: 'x' };
  const session = fakeSession();
  screen.showForm(session);
  locale.set('en');
  screen.textStep = 2;
  screen.contrast = true;
  screen.telex = true;
  return { locale, screen, session };
}

describe('KioskScreen', () => {
  it('starts on the home screen, not in use', () => {
    const screen = new KioskScreen(new Locale());
    expect(screen.page).toBe('search');
    expect(screen.results).toBeNull();
    expect(screen.inUse()).toBe(false);
    expect(screen.showKeyboard).toBe(true);
  });

  it('goes home forgetting the person’s work and wiping the form, keeping the display settings', () => {
    const { locale, screen, session } = busy();
    expect(screen.inUse()).toBe(true);
    screen.home();
    expect(session.wipe).toHaveBeenCalled();
    expect(screen.formSession).toBeNull();
    expect(screen.page).toBe('search');
    expect(screen.query).toEqual(emptyQuery());
    expect(screen.outcome).toEqual({ kind: 'idle' });
    expect(screen.guide).toBeNull();
    expect(screen.ticked.size).toBe(0);
    expect(screen.rated).toBeNull();
    expect(screen.receiptOpen).toBe(false);
    expect(screen.keyboardOpen).toBe(false);
    expect(screen.error).toBeNull();
    expect([locale.lang, screen.textStep, screen.contrast, screen.telex]).toEqual(['en', 2, true, true]);
  });

  it('resets everything on idle, the language and display settings too', () => {
    const { locale, screen } = busy();
    screen.countdown = 3;
    screen.reset();
    expect([locale.lang, screen.textStep, screen.contrast, screen.telex, screen.countdown]).toEqual(['vi', 0, false, false, null]);
    expect(screen.inUse()).toBe(false);
  });

  it('leaves a form for the guide it came from, else for the search screen', () => {
    const screen = new KioskScreen(new Locale());
    screen.showGuide(marriageGuide());
    const session = fakeSession();
    screen.showForm(session);
    expect(screen.page).toBe('form');
    screen.leaveForm();
    expect(session.wipe).toHaveBeenCalled();
    expect(screen.page).toBe('guide');
    screen.backToSearch();
    screen.showForm(fakeSession());
    screen.leaveForm();
    expect(screen.page).toBe('search');
  });

  it('opens the petition about the guide shown and goes back to it', () => {
    const screen = new KioskScreen(new Locale());
    screen.showGuide(marriageGuide());
    screen.receiptOpen = true;
    expect(screen.showPetition()).toBe(marriageGuide().code);
    expect([screen.page, screen.petitionAbout, screen.receiptOpen]).toEqual(['petition', marriageGuide().title, false]);
    screen.leavePetition();
    expect([screen.page, screen.petitionAbout]).toEqual(['guide', '']);
    screen.backToSearch();
    expect(screen.showPetition()).toBe('');
    screen.leavePetition();
    expect(screen.page).toBe('search');
  });

  it('closes the topmost dialog on Escape, but not during the idle warning', () => {
    const screen = new KioskScreen(new Locale());
    screen.receiptOpen = screen.contactOpen = screen.pinOpen = true;
    screen.countdown = 10;
    screen.closeDialog();
    expect([screen.receiptOpen, screen.contactOpen, screen.pinOpen]).toEqual([true, true, true]);
    screen.countdown = null;
    screen.closeDialog();
    expect([screen.receiptOpen, screen.contactOpen, screen.pinOpen]).toEqual([false, true, true]);
    screen.closeDialog();
    screen.closeDialog();
    expect([screen.contactOpen, screen.pinOpen]).toEqual([false, false]);
  });

  it('opens the admin screen forgetting the guide and closing the PIN pad', () => {
    const screen = new KioskScreen(new Locale());
    screen.showGuide(marriageGuide());
    screen.pinOpen = true;
    screen.showAdmin();
    expect([screen.page, screen.guide, screen.pinOpen, screen.showKeyboard]).toEqual(['admin', null, false, false]);
  });
});

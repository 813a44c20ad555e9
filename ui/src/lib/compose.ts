// Vietnamese composition for the kiosk's on-screen keyboard: what the text becomes when a key is
// pressed. A pure function of (text, key, mode), so every rule is unit-tested without a DOM.
//
// Only the last syllable (the trailing run of letters) is ever rewritten. It is taken apart into letters
// (base letter + shape + tone), changed, and put back together with the tone on the vowel the core's
// canonical placement uses (src/text.rs `canonical_tones`: the traditional style, "hòa", "thủy", "hòe";
// "quý", "quà", "hoàng" as everyone writes them). So marks can be tapped after the whole syllable and
// land in the right place, and typing more letters after a mark moves it when needed ("hoà" + n → "hoàn").
//
// Two modes:
// - `plain`: letters are typed as they are; diacritics come from the mark keys (`sac` … `nang`) and the
//   shape keys (`circumflex` â ê ô, `breve` ă, `horn` ơ ư, `dd` đ). Typing without marks works too: the
//   search tolerates it.
// - `telex`: letters also compose, as in the Telex input method: aa ee oo → â ê ô, aw ow uw → ă ơ ư
//   (uow → ươ, a lone w → ư), dd → đ, s f r x j → sắc huyền hỏi ngã nặng, z removes the tone. Pressing
//   the same key again undoes it and types the letter ("ass" → "as", "aaa" → "aa", "ddd" → "dd").

/** A tone mark key. */
export type Tone = 'sac' | 'huyen' | 'hoi' | 'nga' | 'nang';
/** A shape key. */
export type ShapeKey = 'circumflex' | 'breve' | 'horn' | 'dd';
/** A key of the on-screen keyboard: a character to type (letter, digit, punctuation) or a named key. */
export type Key = string;
/** How letters are typed. */
export type Mode = 'plain' | 'telex';

/** The tone keys, in the order the keyboard shows them. */
export const TONES: readonly Tone[] = ['sac', 'huyen', 'hoi', 'nga', 'nang'];
/** The shape keys, in the order the keyboard shows them. */
export const SHAPES: readonly ShapeKey[] = ['circumflex', 'breve', 'horn', 'dd'];

type Shape = 'circumflex' | 'breve' | 'horn' | 'bar';

/** One letter taken apart: lowercase ASCII base, case, shape, tone. */
interface Letter {
  base: string;
  upper: boolean;
  shape: Shape | null;
  tone: Tone | null;
}

const SHAPE_MARKS: Record<Exclude<Shape, 'bar'>, string> = { circumflex: '\u0302', breve: '\u0306', horn: '\u031B' };
const TONE_MARKS: Record<Tone, string> = { sac: '\u0301', huyen: '\u0300', hoi: '\u0309', nga: '\u0303', nang: '\u0323' };
const MARK_SHAPES = new Map<string, Shape>(Object.entries(SHAPE_MARKS).map(([s, m]) => [m, s as Shape]));
const MARK_TONES = new Map<string, Tone>(Object.entries(TONE_MARKS).map(([t, m]) => [m, t as Tone]));

/** Telex tone letters. */
const TELEX_TONES: Record<string, Tone> = { s: 'sac', f: 'huyen', r: 'hoi', x: 'nga', j: 'nang' };
/** Consonant endings a Vietnamese syllable can have (Telex composes only before one of these). */
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** A character as a Vietnamese letter, or `null` for anything else (digits, spaces, other scripts). */
function parse(c: string): Letter | null {
  if (c === 'đ' || c === 'Đ') return { base: 'd', upper: c === 'Đ', shape: 'bar', tone: null };
  const [first, ...marks] = Array.from(c.normalize('NFD'));
  if (!first || !/^[a-zA-Z]$/.test(first)) return null;
  const letter: Letter = { base: first.toLowerCase(), upper: first !== first.toLowerCase(), shape: null, tone: null };
  for (const m of marks) {
    const shape = MARK_SHAPES.get(m);
    const tone = MARK_TONES.get(m);
    if (shape) letter.shape = shape;
    else if (tone) letter.tone = tone;
    else return null;
  }
  return letter;
}

function render(l: Letter): string {
  let s: string;
  if (l.shape === 'bar') s = 'đ';
  else s = l.base + (l.shape ? SHAPE_MARKS[l.shape] : '') + (l.tone ? TONE_MARKS[l.tone] : '');
  s = s.normalize('NFC');
  return l.upper ? s.toUpperCase() : s;
}

const isVowel = (l: Letter | undefined) => l !== undefined && VOWELS.has(l.base);

/** The text cut before its last syllable: the part kept as it is, and the letters of the syllable. */
function split(text: string): { head: string; syllable: Letter[] } {
  const chars = Array.from(text);
  const syllable: Letter[] = [];
  let i = chars.length;
  while (i > 0) {
    const l = parse(chars[i - 1] ?? '');
    if (!l) break;
    syllable.unshift(l);
    i--;
  }
  return { head: chars.slice(0, i).join(''), syllable };
}

/** Where the vowels of a syllable are, `[start, end)`, leaving out the u of "qu" and the i of "gi" when
 * another vowel follows; `null` when it has none. */
function nucleus(s: readonly Letter[]): [number, number] | null {
  let end = s.length;
  while (end > 0 && !isVowel(s[end - 1])) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && isVowel(s[start - 1])) start--;
  const before = s[start - 1]?.base;
  const first = s[start]?.base;
  if (end - start > 1 && ((before === 'q' && first === 'u') || (before === 'g' && first === 'i'))) start++;
  return [start, end];
}

/** The index of the vowel that carries the tone (the core's canonical, traditional placement). */
function tonePosition(s: readonly Letter[], [start, end]: [number, number]): number {
  for (let i = end - 1; i >= start; i--) {
    const shape = s[i]?.shape;
    if (shape === 'circumflex' || shape === 'breve' || shape === 'horn') return i;
  }
  if (end < s.length) return end - 1; // closed syllable: the last vowel ("hoàng", "toán", "huỳnh")
  if (end - start === 1) return start;
  if (end - start === 2) return start; // "hòa", "thủy", "mía", "múa"
  return start + 1; // "oai", "oay", "uyu", "oeo": the middle one
}

/** The syllable's tone, if any. */
function toneOf(s: readonly Letter[]): Tone | null {
  for (let i = s.length - 1; i >= 0; i--) {
    const t = s[i]?.tone;
    if (t) return t;
  }
  return null;
}

/** The syllable with `tone` (or none) on its canonical vowel. */
function withTone(s: readonly Letter[], tone: Tone | null): Letter[] {
  const out: Letter[] = s.map((l) => ({ ...l, tone: null }));
  const n = nucleus(out);
  if (tone && n) {
    const target = out[tonePosition(out, n)];
    if (target) target.tone = tone;
  }
  return out;
}

/** Puts the tone back in its place after letters changed. */
const retone = (s: readonly Letter[]) => withTone(s, toneOf(s));

function hasValidFinal(s: readonly Letter[], n: [number, number]): boolean {
  return FINALS.has(
    s
      .slice(n[1])
      .map((l) => l.base)
      .join(''),
  );
}

/** The letter of the nucleus a shape key acts on, or the u+o pair of "ươ" for the horn. */
function shapeTargets(s: readonly Letter[], n: [number, number], shape: 'circumflex' | 'breve' | 'horn'): number[] {
  const bases = shape === 'circumflex' ? ['a', 'e', 'o'] : shape === 'breve' ? ['a'] : ['o', 'u'];
  if (shape === 'horn') {
    for (let i = n[0]; i + 1 < n[1]; i++) {
      if (s[i]?.base === 'u' && s[i + 1]?.base === 'o') return [i, i + 1];
    }
  }
  return lastOf(s, n, bases);
}

/** Toggles a shape on its target letters; `undone` when they all had it already (it is removed). */
function toggleShape(
  s: readonly Letter[],
  shape: 'circumflex' | 'breve' | 'horn',
): { letters: Letter[]; undone: boolean } | null {
  const n = nucleus(s);
  if (!n) return null;
  const targets = shapeTargets(s, n, shape);
  if (!targets.length) return null;
  const out = s.map((l) => ({ ...l }));
  const undone = targets.every((i) => out[i]?.shape === shape);
  for (const i of targets) {
    const l = out[i];
    if (l) l.shape = undone ? null : shape;
  }
  return { letters: retone(out), undone };
}

/** Toggles `tone` on the syllable; `null` when it has no vowel. */
function toggleTone(s: readonly Letter[], tone: Tone): { letters: Letter[]; undone: boolean } | null {
  if (!nucleus(s)) return null;
  const undone = toneOf(s) === tone;
  return { letters: withTone(s, undone ? null : tone), undone };
}

/** Toggles the bar of a leading d (d ↔ đ); `null` when the syllable does not start with d. */
function toggleBar(s: readonly Letter[]): { letters: Letter[]; undone: boolean } | null {
  const first = s[0];
  if (first?.base !== 'd') return null;
  const undone = first.shape === 'bar';
  return { letters: [{ ...first, shape: undone ? null : 'bar' }, ...s.slice(1)], undone };
}

/** A letter key in Telex mode: the syllable after it. */
function telex(s: readonly Letter[], key: string): Letter[] {
  const k = key.toLowerCase();
  const typed = parse(key);
  const append = (letters: readonly Letter[]) => (typed ? retone([...letters, typed]) : [...letters]);
  const n = nucleus(s);
  const composable = n !== null && hasValidFinal(s, n);

  const tone = TELEX_TONES[k];
  if (tone) {
    if (!composable) return append(s);
    const r = toggleTone(s, tone);
    return r ? (r.undone ? append(r.letters) : r.letters) : append(s);
  }
  if (k === 'z') return toneOf(s) && composable ? withTone(s, null) : append(s);
  if (k === 'a' || k === 'e' || k === 'o') {
    if (!composable || !n) return append(s);
    const same = s.slice(n[0], n[1]).filter((l) => l.base === k);
    if (same.length !== 1) return append(s);
    const target = s.indexOf(same[0] as Letter);
    const out = s.map((l) => ({ ...l }));
    const l = out[target] as Letter;
    if (l.shape === 'circumflex') {
      l.shape = null;
      return append(out);
    }
    l.shape = 'circumflex';
    return retone(out);
  }
  if (k === 'w') {
    if (!n) {
      const u: Letter = { base: 'u', upper: key === 'W', shape: 'horn', tone: null };
      return retone([...s, u]);
    }
    if (!composable) return append(s);
    // The letters w acts on: the u+o pair of "ươ", else the last of a, o, u in the nucleus.
    const horn = shapeTargets(s, n, 'horn');
    const candidates = horn.length === 2 ? horn : lastOf(s, n, ['a', 'o', 'u']);
    if (!candidates.length) return append(s);
    const out = s.map((l) => ({ ...l }));
    const wanted = (l: Letter): Shape => (l.base === 'a' ? 'breve' : 'horn');
    const undone = candidates.every((i) => out[i]?.shape === wanted(out[i] as Letter));
    for (const i of candidates) {
      const l = out[i] as Letter;
      l.shape = undone ? null : wanted(l);
    }
    return undone ? append(out) : retone(out);
  }
  if (k === 'd') {
    const ds = s.filter((l) => l.base === 'd').length;
    const r = ds === 1 ? toggleBar(s) : null;
    if (!r) return append(s);
    return r.undone ? append(r.letters) : r.letters;
  }
  return append(s);
}

/** The last letter of the nucleus `n` whose base is one of `bases` (none: empty). */
function lastOf(s: readonly Letter[], n: [number, number], bases: string[]): number[] {
  for (let i = n[1] - 1; i >= n[0]; i--) {
    if (bases.includes(s[i]?.base ?? '')) return [i];
  }
  return [];
}

const NAMED = new Set<string>(['space', 'backspace', 'clear', ...TONES, ...SHAPES]);

/** Whether `key` is a named key (not a character to type). */
export function isNamedKey(key: Key): boolean {
  return NAMED.has(key);
}

/**
 * The text after pressing `key` at its end.
 *
 * `key` is a named key (`space`, `backspace`, `clear`, a tone `sac` `huyen` `hoi` `nga` `nang`, a shape
 * `circumflex` `breve` `horn` `dd`) or one character to type. Mark and shape keys act on the last
 * syllable and do nothing when it has no vowel to carry them (`dd` types "đ" when the syllable does not
 * start with d). The result is NFC.
 */
export function compose(before: string, key: Key, mode: Mode): string {
  const text = before.normalize('NFC');
  switch (key) {
    case 'space':
      return text + ' ';
    case 'backspace':
      return Array.from(text).slice(0, -1).join('');
    case 'clear':
      return '';
  }
  const { head, syllable } = split(text);
  const join = (letters: readonly Letter[]) => head + letters.map(render).join('');

  if ((TONES as readonly string[]).includes(key)) {
    const r = toggleTone(syllable, key as Tone);
    return r ? join(r.letters) : text;
  }
  if (key === 'circumflex' || key === 'breve' || key === 'horn') {
    const r = toggleShape(syllable, key);
    return r ? join(r.letters) : text;
  }
  if (key === 'dd') {
    const r = toggleBar(syllable);
    return r ? join(r.letters) : text + 'đ';
  }
  if (Array.from(key).length !== 1) return text; // an unknown named key
  const typed = parse(key);
  if (!typed) return (text + key).normalize('NFC'); // digit, space, punctuation: ends the syllable
  if (mode === 'telex' && /^[a-zA-Z]$/.test(key)) return join(telex(syllable, key));
  return join(retone([...syllable, typed]));
}

/** Types a whole sequence of keys from `text` (a convenience for tests and for replaying input). */
export function composeAll(text: string, keys: Iterable<Key>, mode: Mode): string {
  let out = text;
  for (const k of keys) out = compose(out, k, mode);
  return out;
}

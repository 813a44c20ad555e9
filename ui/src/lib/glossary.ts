// Glossary explanations in guide text: occurrences of abbreviations, old terms and technical terms are
// wrapped in <abbr title="meaning">. The marking works on DOM text nodes (never by rewriting HTML
// strings), so the sanitized guide HTML keeps its structure and nothing typed in a guide becomes markup.

import type { Term, TermKind } from './ipc';

/** The kinds explained in guides (everyday phrases only help search). */
export const EXPLAINED: readonly TermKind[] = ['viet-tat', 'tu-cu', 'thuat-ngu'];

/** A glossary entry as shown: the term, and what it means. */
export interface Explanation {
  term: string;
  kind: TermKind;
  meaning: string;
  /** The exact spellings to accept when the term is an abbreviation (matched case-sensitively). */
  exact?: string[];
}

/** Finds glossary terms in text. */
export interface Matcher {
  /** Every spelling, longest first, between non-letters. */
  pattern: RegExp;
  /** Lower-cased spelling → entry. */
  bySpelling: Map<string, Explanation>;
}

/** A piece of text, explained or not. */
export interface Segment {
  text: string;
  explanation?: Explanation;
}

function escapeRegExp(text: string): string {
  // Only syntax characters: in a `u` pattern escaping anything else (such as `-`) is an error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether a spelling is an abbreviation-like form ("CCCD", "VNeID", "NĐ-CP"): two or more capitals. */
function isAbbreviation(spelling: string): boolean {
  return (spelling.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** A matcher over the explained terms of a glossary, or `null` when there are none. */
export function buildMatcher(terms: readonly Term[]): Matcher | null {
  const bySpelling = new Map<string, Explanation>();
  for (const t of terms) {
    if (!EXPLAINED.includes(t.kind)) continue;
    const spellings = [t.term, ...t.variants].map((s) => s.normalize('NFC').trim()).filter(Boolean);
    const exact = spellings.filter(isAbbreviation);
    const explanation: Explanation = {
      term: t.term,
      kind: t.kind,
      meaning: t.meaning,
      ...(exact.length ? { exact } : {}),
    };
    for (const s of spellings) {
      const key = s.toLowerCase();
      if (!bySpelling.has(key)) bySpelling.set(key, explanation);
    }
  }
  if (bySpelling.size === 0) return null;
  const alternatives = [...bySpelling.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return { pattern, bySpelling };
}

/** Cuts text into plain and explained segments. Each term is explained once: at its first occurrence
 * not already in `seen` (the terms explained so far, updated). Abbreviations must match one of their
 * spellings exactly ("CCCD", not "cccd"); other terms match in any case. */
export function segments(text: string, matcher: Matcher, seen: Set<string> = new Set()): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  matcher.pattern.lastIndex = 0;
  for (const m of text.matchAll(matcher.pattern)) {
    const found = m[0];
    const explanation = matcher.bySpelling.get(found.toLowerCase());
    if (!explanation || seen.has(explanation.term)) continue;
    if (explanation.exact) {
      const lower = found.toLowerCase();
      const cased = explanation.exact.filter((e) => e.toLowerCase() === lower);
      if (cased.length && !cased.includes(found)) continue;
    }
    seen.add(explanation.term);
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: found, explanation });
    last = m.index + found.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The tooltip of an explained occurrence: the meaning, prefixed by the term when another spelling was
 * found ("CCCD: Căn cước công dân…" over "căn cước công dân"). */
export function tooltip(found: string, e: Explanation): string {
  return found.toLowerCase() === e.term.toLowerCase() ? e.meaning : `${e.term}: ${e.meaning}`;
}

/** Elements whose text is never marked. */
const SKIP = new Set(['ABBR', 'A', 'BUTTON', 'CODE', 'PRE', 'SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT']);

/** Wraps glossary terms in the text under `root` in `<abbr class="gloss" title=… tabindex="0">` (focus or a
 * tap shows the meaning too). Text inside links, buttons, code and existing `<abbr>` is left alone.
 * Returns how many terms were marked. */
export function markGlossary(root: Element, matcher: Matcher | null, seen: Set<string> = new Set()): number {
  if (!matcher) return 0;
  const doc = root.ownerDocument;
  const texts: Text[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) texts.push(child as Text);
      else if (child.nodeType === 1 && !SKIP.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  walk(root);
  let marked = 0;
  for (const node of texts) {
    const parts = segments(node.data, matcher, seen);
    if (!parts.some((p) => p.explanation)) continue;
    const fragment = doc.createDocumentFragment();
    for (const part of parts) {
      if (!part.explanation) {
        fragment.appendChild(doc.createTextNode(part.text));
        continue;
      }
      const abbr = doc.createElement('abbr');
      abbr.className = 'gloss';
      const tip = tooltip(part.text, part.explanation);
      abbr.setAttribute('title', tip);
      abbr.setAttribute('data-meaning', tip);
      abbr.setAttribute('tabindex', '0');
      abbr.textContent = part.text;
      fragment.appendChild(abbr);
      marked++;
    }
    node.parentNode?.replaceChild(fragment, node);
  }
  return marked;
}

/** Keeps a click on an explained term inside a `<label>` from ticking the label's checkbox: the click
 * focuses the term instead, which shows its meaning. Install on the container of marked text. */
export function glossClick(event: Event): void {
  const target = event.target as Element | null;
  const abbr = target?.closest?.('abbr.gloss');
  if (abbr && abbr.closest('label')) {
    event.preventDefault();
    (abbr as HTMLElement).focus();
  }
}

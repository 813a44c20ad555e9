// Small pure pieces of the kiosk screens: text sizes, what counts as "someone is using it", which results
// to list under the look-alike chooser.

import { type Explanation, type Matcher, segments } from './glossary';
import type { Channel, Guide, Hit, SearchResults } from './ipc';

/** Root font sizes in pixels the kiosk's "A+" button cycles through (body text is 1rem: at least 20 px). */
export const KIOSK_TEXT_SIZES: readonly number[] = [20, 24, 28];

/** The text size step after pressing "A+": one larger, and back to the first after the largest. */
export function nextTextStep(step: number): number {
  return (Math.max(0, step) + 1) % KIOSK_TEXT_SIZES.length;
}

/** The root font size of a step. */
export function textSizeOf(step: number): number {
  return KIOSK_TEXT_SIZES[step] ?? KIOSK_TEXT_SIZES[0] ?? 20;
}

/** What the kiosk shows, as far as the idle reset cares. */
export interface KioskSnapshot {
  page: 'search' | 'guide' | 'petition' | 'admin' | 'form';
  text: string;
  event: string;
  /** A panel or dialog is open (contact, PIN pad, receipt). */
  overlay: boolean;
  textStep: number;
  contrast: boolean;
  lang: string;
  telex: boolean;
}

/** Whether the kiosk holds anything of the last person (so the idle warning is worth showing): anything
 * but the home screen as it starts. */
export function inUse(s: KioskSnapshot): boolean {
  return (
    s.page !== 'search' ||
    s.text !== '' ||
    s.event !== '' ||
    s.overlay ||
    s.textStep !== 0 ||
    s.contrast ||
    s.lang !== 'vi' ||
    s.telex
  );
}

/** The results listed under the chooser: the hits that are not among the look-alikes offered in it. */
export function otherHits(results: SearchResults): Hit[] {
  if (!results.ambiguous || !results.family) return results.hits;
  const offered = new Set(results.family.members.map((m) => m.code));
  return results.hits.filter((h) => !offered.has(h.code));
}

/** The channels with lodging in person first (what a citizen at the office will do), the rest in order. */
export function inPersonFirst(channels: readonly Channel[]): Channel[] {
  return [...channels].sort((a, b) => Number(b.channel === 'truc-tiep') - Number(a.channel === 'truc-tiep'));
}

/** The glossary terms a citizen meets in a guide's kiosk view (summary, papers, fee and time, agency),
 * each once, in reading order: explained in a short list under the guide rather than in tooltips, which
 * a touch screen does not show well. */
export function explainedTerms(guide: Guide, matcher: Matcher | null): Explanation[] {
  if (!matcher) return [];
  const texts = [
    guide.summary,
    ...guide.documents.flatMap((g) => g.items.map((i) => i.text)),
    ...guide.channels.flatMap((c) => [c.fee, c.time, c.note ?? '']),
    guide.agency,
  ];
  const seen = new Set<string>();
  const out: Explanation[] = [];
  for (const text of texts) {
    for (const seg of segments(text, matcher, seen)) if (seg.explanation) out.push(seg.explanation);
  }
  return out;
}

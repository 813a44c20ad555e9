// Facet lists for a big catalogue: the ~140 fields are found by typing part of their name (with or
// without diacritics) instead of being laid out as 140 buttons; values are sorted the Vietnamese way.

import type { FacetCount } from './ipc';

/** A text folded for matching: lower case, no diacritics, đ as d, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Facet values in Vietnamese alphabetical order of their labels. */
export function byLabel(values: readonly FacetCount[]): FacetCount[] {
  return [...values].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

/** The values shown for a typed filter, and how many more match. */
export interface Picked {
  shown: FacetCount[];
  more: number;
}

/**
 * The facet values matching `typed` (every word of it starts a word of the label, folded), at most `max`:
 * with nothing typed, the values with the most guides first; else the labels that start with the text
 * first, then by count. Values without guides are left out.
 */
export function pick(values: readonly FacetCount[], typed: string, max: number): Picked {
  const words = fold(typed).split(' ').filter(Boolean);
  const wanted = fold(typed);
  const matching = values.filter((v) => {
    if (v.count <= 0) return false;
    const label = fold(v.label);
    const starts = label.split(' ');
    return words.every((w) => starts.some((s) => s.startsWith(w)) || label.includes(w));
  });
  const rank = (v: FacetCount) => (wanted && fold(v.label).startsWith(wanted) ? 0 : 1);
  matching.sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.label.localeCompare(b.label, 'vi'));
  return { shown: matching.slice(0, max), more: Math.max(0, matching.length - max) };
}

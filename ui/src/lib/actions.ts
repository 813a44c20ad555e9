// Svelte actions (DOM glue around the pure modules).

import { type Matcher, glossClick, markGlossary } from './glossary';

/** Parameters of {@link gloss}. */
export interface GlossParams {
  matcher: Matcher | null;
  /** Terms already explained in the same section (shared so each is explained once per section). */
  seen: Set<string>;
}

/** Explains glossary terms in an element's text (see `markGlossary`). The element must hold guide
 * content only, rendered once (`{@html …}` or static text): the marking rewrites its text nodes. */
export function gloss(node: HTMLElement, params: GlossParams) {
  let done = false;
  const apply = (p: GlossParams) => {
    if (!done && p.matcher) {
      markGlossary(node, p.matcher, p.seen);
      done = true;
    }
  };
  apply(params);
  node.addEventListener('click', glossClick);
  return {
    update: apply,
    destroy() {
      node.removeEventListener('click', glossClick);
    },
  };
}

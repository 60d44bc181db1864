// LaTeX in titles and abstracts ($\nabla^2$DFT, LLM$\times$MapReduce) -> MathML at build time:
// no client JS, no math fonts. KaTeX runs with untrusted-input settings; a formula that fails to
// parse falls back to its source text, escaped.
import katex from 'katex';
import { escapeHtml } from './escape.ts';
import { splitMath } from './tex.ts';

export { hasMath, splitMath, type Segment } from './tex.ts';

const KATEX_OPTIONS: katex.KatexOptions = {
  output: 'mathml',
  throwOnError: true,
  // Upstream text is untrusted: no \href, \url, \htmlData, \includegraphics...
  trust: false,
  // Bounded macro expansion and sizes, so a hostile formula cannot blow up the build or the page.
  maxExpand: 100,
  maxSize: 20,
  strict: 'ignore',
};

// One build renders each title and abstract in several places (page, lists, feeds, search
// words): KaTeX runs once per distinct text, and these caches hand out the result after that.
const cache = new Map<string, string>();
const plainCache = new Map<string, string>();

function renderFormula(tex: string): string | undefined {
  try {
    return katex.renderToString(tex, KATEX_OPTIONS);
  } catch {
    return undefined;
  }
}

const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/**
 * Words for the search index: a formula glued to a word ("LLM×MapReduce") would index as one
 * token, so the plain form of each formula is set apart by spaces.
 */
export function searchWords(text: string): string {
  return splitMath(text)
    .map((segment) => (segment.kind === 'text' ? segment.value : ` ${plainMath(`$${segment.value}$`)} `))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text for places that take no markup (feed titles, search results): LLM$\times$MapReduce -> LLM×MapReduce. */
export function plainMath(text: string): string {
  const cached = plainCache.get(text);
  if (cached !== undefined) return cached;
  const plain = splitMath(text)
    .map((segment) => {
      if (segment.kind === 'text') return segment.value;
      const html = renderFormula(segment.value);
      if (html === undefined) return `$${segment.value}$`;
      return html
        .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITY[entity]!);
    })
    .join('');
  plainCache.set(text, plain);
  return plain;
}

/** Safe HTML: text escaped, each formula as MathML (or its escaped source if it does not parse). */
export function renderMath(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const html = splitMath(text)
    .map((segment) => {
      if (segment.kind === 'text') return escapeHtml(segment.value);
      return renderFormula(segment.value) ?? escapeHtml(`$${segment.value}$`);
    })
    .join('');
  cache.set(text, html);
  return html;
}

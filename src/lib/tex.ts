// Where the formulas are in upstream text: `$...$` segments, without rendering them. Kept apart
// from math.ts (which renders with KaTeX at build time) so the browser's BibTeX export can use it
// without KaTeX.

/**
 * `$...$` as pandoc reads it: the opening `$` is followed by a non-space, the closing one preceded
 * by a non-space and not followed by a digit, so "costs $5 and $10" stays text.
 */
const INLINE_MATH = /(?<!\\)\$(?!\s)((?:\\.|[^$\\])+?)(?<!\s)\$(?!\d)/g;

export interface Segment {
  kind: 'text' | 'math';
  value: string;
}

export function splitMath(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE_MATH)) {
    if (match.index > last) segments.push({ kind: 'text', value: text.slice(last, match.index) });
    segments.push({ kind: 'math', value: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments;
}

export function hasMath(text: string): boolean {
  return splitMath(text).some((segment) => segment.kind === 'math');
}

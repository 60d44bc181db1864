// Short forms of upstream text for lists.
import { describe, expect, it } from 'vitest';
import { firstAuthors, shortSummary, truncate } from '../../src/lib/text.ts';

describe('text', () => {
  it('shortens author lists and summaries', () => {
    expect(firstAuthors(['A', 'B'])).toBe('A and B');
    expect(firstAuthors(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 others');
    expect(truncate('one two three four', 10)).toBe('one two…');
    expect(shortSummary({ abstract: 'Abstract.', aiSummary: 'AI.' })).toBe('AI.');
  });
});

// Upstream text made safe for HTML and XML.
import { describe, expect, it } from 'vitest';
import { escapeHtml, stripXmlForbidden } from '../../src/lib/escape.ts';

describe('escaping', () => {
  it('escapes each of the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('plain ☃')).toBe('plain ☃');
  });
  it('strips characters XML forbids', () => {
    expect(stripXmlForbidden('a\u0007b\u0000c\uFFFEd\tok')).toBe('abcd\tok');
  });
  it('drops lone surrogates but keeps whole pairs, and keeps tab, newline and return', () => {
    expect(stripXmlForbidden('a\uD83D\uDE00b')).toBe('a\uD83D\uDE00b');
    expect(stripXmlForbidden('a\uD83Db')).toBe('ab');
    expect(stripXmlForbidden('a\uDE00b')).toBe('ab');
    expect(stripXmlForbidden('\uD83D')).toBe('');
    expect(stripXmlForbidden('x\uDE00')).toBe('x');
    expect(stripXmlForbidden('\t\n\r\u0008\u000B\u000C\u000E\u001F\uFFFF')).toBe('\t\n\r');
  });
});

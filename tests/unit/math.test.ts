// LaTeX in titles and abstracts: MathML at build time, plain text for feeds and search, bounded.
import { describe, expect, it } from 'vitest';
import { hasMath, plainMath, renderMath, searchWords, splitMath } from '../../src/lib/math.ts';

describe('math', () => {
  it('renders inline LaTeX as MathML and escapes the text around it', () => {
    const html = renderMath('<b>LLM</b>$\\times$MapReduce');
    expect(html).toMatch(/^&lt;b&gt;LLM&lt;\/b&gt;<span class="katex"><math/);
    expect(html).toContain('<mo>×</mo>');
    expect(html).toMatch(/MapReduce$/);
  });
  it('falls back to the escaped source for a formula that does not parse', () => {
    expect(renderMath('x $\\frac{<i>}{$ y')).toBe('x $\\frac{&lt;i&gt;}{$ y');
  });
  it('does not trust links or HTML extensions in formulas', () => {
    const html = renderMath('$\\href{javascript:alert(1)}{x}$ and $\\htmlData{a=b}{y}$');
    // The source survives only as escaped text in <annotation>; no link or attribute is made.
    expect(html).not.toMatch(/\shref=/);
    expect(html).not.toContain('data-a=');
  });
  it('gives a plain-text form for titles, leaving non-math text untouched', () => {
    expect(plainMath('LLM$\\times$MapReduce')).toBe('LLM×MapReduce');
    expect(plainMath('<script>x</script> $\\frac{1}{$')).toBe('<script>x</script> $\\frac{1}{$');
  });
  it('sets formulas apart by spaces for the search index', () => {
    expect(searchWords('LLM$\\times$MapReduce: Agents')).toBe('LLM × MapReduce: Agents');
  });
  it('leaves dollar amounts alone', () => {
    expect(hasMath('It costs $5 and $10 to run')).toBe(false);
    expect(splitMath('$τ$-bench')).toEqual([
      { kind: 'math', value: 'τ' },
      { kind: 'text', value: '-bench' },
    ]);
  });
  it('stops a formula at 100 macro expansions, which KaTeX alone would render (its default is 1000)', () => {
    const formula = (n: number) => `$\\def\\a{x}${'\\a'.repeat(n)}$`;
    expect(renderMath(formula(50))).toContain('<math');
    // Over the bound the formula falls back to its escaped source instead of rendering.
    expect(renderMath(formula(150))).not.toContain('<math');
    expect(renderMath(formula(150))).toContain('\\def\\a{x}');
  });
  it('bounds macro expansion instead of hanging the build', () => {
    const bomb = '$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{xx}\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a$';
    expect(renderMath(bomb)).toContain('\\def');
  });
});

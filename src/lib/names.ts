// People's names as the archive matches them: the follows of /following/ and the author index of
// search both read a name this way, so "Zoë  Müller" and "zoe muller" are one person's name.

/** A name as matching sees it: letters without accents, lower case, single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** FNV-1a over the text's UTF-16 units, folded to 24 bits: the same in Node and every browser. */
export function key24(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash ^ (hash >>> 24)) & 0xffffff;
}

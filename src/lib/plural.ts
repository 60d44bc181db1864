// "1 paper", "2 papers", "1,204 papers": counted nouns, on the site, in commands and in the browser.

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

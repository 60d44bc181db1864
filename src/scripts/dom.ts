// The few DOM helpers the reading list's and following's pages build their lists with. Every
// string goes in as text. Only those pages load it: the script every page loads stays small.
import { BASE } from './base.ts';

/** A root-relative path (`/papers/2603.00011/`) under the base path. */
export const href = (path: string): string => BASE + path.slice(1);

export const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** An element with its properties and children; strings become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

/** Offer a file to download, made here: nothing is sent anywhere. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// A static file's text, whether the host sends it as written (gzipped, as Pagefind's are and as
// the build writes its own index files) or, serving it with Content-Encoding, already decoded.

/** The text at `url`; throws an error naming the file and the HTTP status when it cannot be read. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

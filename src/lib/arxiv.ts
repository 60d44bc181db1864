// arXiv identifiers, without zod: the schema and the browser's reading list validate with it.
// (What is made of an id, its DOI and the ids in a text, is in ./arxiv-ids.ts: the script every
// page loads needs only this.)

/** New-style arXiv ids (`2406.12345`, optionally versioned) and old-style ones (`hep-th/9901001`). */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/**
 * Fingerprints of what an output is made from: a page (src/pipeline/pageReuse.ts) or a feed's
 * item (src/outputs/feeds/events.ts), so that a build carries over what it would write the same.
 * A Registry is frozen once assembled, so an object's digest is made once however many outputs
 * read it.
 */
import { createHash } from 'node:crypto';

/** SHA-256 in hex: of what an output is made from, and of a file's bytes. */
export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * For JSON.stringify: a text stands as its Markdown, which with the code determines its HTML,
 * and is not rendered to be fingerprinted.
 */
export function markdownForHtml(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'markdown' in value) {
    const html = Object.getOwnPropertyDescriptor(value, 'html');
    if (html?.get) return { markdown: (value as { markdown: string }).markdown };
  }
  return value;
}

const digests = new WeakMap<object, string>();

/** A value as JSON stands for itself: an object (frozen) by the SHA-256 of its JSON, a primitive as it is. */
export function digestOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(value, markdownForHtml));
    digests.set(value, digest);
  }
  return digest;
}

/**
 * The body text of the benchmark's bare Astro pages (scripts/bench/floor.ts): paragraphs of
 * plain words, deterministic for a page number. The page renders each as `<p>…</p>`; the words
 * need no escaping, so the paragraphs with their tags are exactly `bytes` long (or up to 7 bytes
 * short: a paragraph needs room for its tags).
 */
const WORDS = (
  'the release line reaches end of support on a date given in advance and every product lists ' +
  'its versions with the phase they are in while an incident records what happened when it was ' +
  'resolved and which services were affected so that customers can plan upgrades and audits'
).split(' ');

const PARAGRAPH_BYTES = 480;
const TAG_BYTES = '<p></p>'.length;

/** A small seeded generator (mulberry32): the same page number gives the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs for page `page` whose HTML (`<p>` + text + `</p>` each) is about `bytes` long. */
export function pageParagraphs(page: number, bytes: number): string[] {
  const next = random(page);
  const paragraphs: string[] = [];
  let left = bytes;
  while (left > TAG_BYTES) {
    const length = Math.min(PARAGRAPH_BYTES, left - TAG_BYTES);
    let text = '';
    while (text.length < length) text += `${text ? ' ' : ''}${WORDS[Math.floor(next() * WORDS.length)]}`;
    paragraphs.push(
      `${text
        .slice(0, length - 1)
        .trimEnd()
        .padEnd(length - 1, 's')}.`,
    );
    left -= length + TAG_BYTES;
  }
  return paragraphs;
}

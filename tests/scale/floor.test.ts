/**
 * The benchmark's bare Astro pages (scripts/bench/floor.ts) are the size they are asked for, the
 * same for a page number every time, and need no escaping (the HTML is exactly the text plus tags).
 */
import { describe, expect, it } from 'vitest';
import { pageParagraphs } from '../../scripts/bench/floorText.ts';

const htmlBytes = (paragraphs: string[]) => paragraphs.reduce((sum, text) => sum + `<p>${text}</p>`.length, 0);

describe('the floor pages’ text', () => {
  it.each([0, 5, 8, 100, 487, 488, 25_000, 31_337])('is %i bytes of HTML, or at most 7 short', (bytes) => {
    const total = htmlBytes(pageParagraphs(3, bytes));
    expect(total).toBeLessThanOrEqual(bytes);
    expect(bytes - total).toBeLessThanOrEqual(7);
  });

  it('is the same for a page number every time, and differs between pages', () => {
    expect(pageParagraphs(42, 20_000)).toEqual(pageParagraphs(42, 20_000));
    expect(pageParagraphs(42, 20_000)).not.toEqual(pageParagraphs(43, 20_000));
  });

  it('is plain words that HTML needs no escaping for', () => {
    expect(pageParagraphs(7, 20_000).join(' ')).toMatch(/^[a-z .]+$/);
  });
});

/**
 * XML's forbidden characters (src/outputs/markup.ts): removed wherever they stand, and a text
 * without any comes back as it was.
 */
import { describe, expect, it } from 'vitest';
import { withoutForbiddenCharacters } from '../../src/outputs/markup.ts';

describe('withoutForbiddenCharacters', () => {
  it('returns a text without forbidden characters unchanged: tabs, line breaks, emoji and other scripts included', () => {
    const text =
      'Tab\there,\r\nline breaks, right-to-left \u05e9\u05dc\u05d5\u05dd, emoji 🎉 and \ud83d\ude00, U+FFFD \ufffd.';
    expect(withoutForbiddenCharacters(text)).toBe(text);
  });

  it.each([
    ['a C0 control', 'start\u0001end'],
    ['the bell', 'start\u0007end'],
    ['a vertical tab', 'start\u000bend'],
    ['a form feed', 'start\u000cend'],
    ['unit separator', 'start\u001fend'],
    ['U+FFFE', 'start\ufffeend'],
    ['U+FFFF', 'start\uffffend'],
    ['a lone high surrogate', 'start\ud800end'],
    ['a lone low surrogate', 'start\udc00end'],
    ['a high surrogate at the very end', 'startend\ud83d'],
  ])('removes %s', (_, text) => {
    expect(withoutForbiddenCharacters(text)).toBe('startend');
  });

  it('keeps a surrogate pair beside a lone surrogate it removes', () => {
    expect(withoutForbiddenCharacters('\udc00😀\ud800 and \u0002😀')).toBe('😀 and 😀');
  });
});

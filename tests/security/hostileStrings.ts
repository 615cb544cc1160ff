/**
 * Strings that break markup out of its context, for property tests of every output that writes
 * text into markup: the known XSS payloads, and arbitrary mixes of quotes, angle brackets,
 * entities, CDATA ends, line breaks, control characters, lone surrogates and scheme names.
 */
import fc from 'fast-check';
import { xssPayloads } from './xssPayloads.ts';

/** Strings built from what breaks markup out of its context, with the known payloads among them. */
export const hostileText = fc.oneof(
  fc.constantFrom(...xssPayloads, '"onmouseover="window.__xss=1', "' onfocus='x", ']]>', '\r\n\r\nBEGIN:VEVENT\r\n'),
  fc
    .array(
      fc.constantFrom(
        '"',
        "'",
        '<',
        '>',
        '&',
        '&amp;',
        '&#x3C;',
        ']]>',
        '<![CDATA[',
        '-->',
        '\r\n',
        '\n',
        '\r',
        '\t',
        '\u0000',
        '\u0001',
        '\u001b',
        '\u007f',
        '\u2028',
        '\ufffe',
        '\ud800',
        'javascript:',
        ' onerror=',
        '<script>',
        '</title>',
        ';',
        ',',
        '\\',
        ':',
        'END:VCALENDAR',
        'a',
        ' ',
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

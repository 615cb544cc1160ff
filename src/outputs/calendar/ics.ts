/**
 * The iCalendar text format (RFC 5545 §3.1): content lines ending in CRLF, folded so no line is
 * longer than 75 octets, TEXT values escaped (§3.3.11).
 */

/** A content line before folding: `NAME;PARAM=VALUE:value`, with the value already in its final form. */
export interface ContentLine {
  readonly name: string;
  readonly value: string;
}

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma are escaped, line breaks become `\n`.
 * Control characters other than tab are not allowed in TEXT (§3.3.11 "TSAFE-CHAR") and are removed.
 */
export function text(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A DATE value (§3.3.4): 2027-09-30 → 20270930. */
export function date(calendarDate: string): string {
  return calendarDate.replace(/-/g, '');
}

/** A UTC DATE-TIME value (§3.3.5, form #2): 2026-12-06T22:00:00Z → 20261206T220000Z. */
export function utcDateTime(instant: string): string {
  return new Date(Date.parse(instant))
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const MAX_OCTETS = 75;

/** Octets of one character in UTF-8 (RFC 3629 §3), from its code point: no encoder per character. */
function utf8Length(character: string): number {
  const codePoint = character.codePointAt(0)!;
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * §3.1: lines longer than 75 octets are folded by inserting CRLF and a space; the space counts
 * towards the next line's 75. Folding never splits a character (a UTF-8 sequence or an emoji's
 * surrogate pair), which some clients would otherwise show as garbage.
 */
export function fold(line: string): string {
  // Most lines are short ASCII: nothing to fold.
  if (line.length <= MAX_OCTETS && !/[^\x00-\x7f]/.test(line)) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** The whole file: every line folded, CRLF after each, including the last (§3.1). */
export function serialise(lines: readonly ContentLine[]): string {
  return lines.map((line) => `${fold(`${line.name}:${line.value}`)}\r\n`).join('');
}

/** Wraps component lines in BEGIN/END (§3.4, §3.6). */
export function component(name: string, lines: readonly ContentLine[]): ContentLine[] {
  return [{ name: 'BEGIN', value: name }, ...lines, { name: 'END', value: name }];
}

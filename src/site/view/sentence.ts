/**
 * A sentence with dates in it, worded in one place so it reads right and its spaces are written
 * out: Astro drops the whitespace where an expression meets an element at a line end, so pages
 * render a sentence from these parts instead of mixing text and `<time>` in markup.
 */
import type { CalendarDate } from '../../registry/calendarDate.ts';
import { formatCalendarDate, formatInstant, isoInstant } from './dates.ts';

/** Text, or a date in words with its `datetime` value for `<time>`. */
export interface SentencePart {
  readonly text: string;
  readonly datetime?: string | undefined;
}

export type Sentence = readonly SentencePart[];

/** "20 November 2026, 08:12 UTC". */
export function instantPart(instant: string): SentencePart {
  return { text: formatInstant(instant), datetime: isoInstant(instant) };
}

/** "31 March 2027". */
export function datePart(date: CalendarDate): SentencePart {
  return { text: formatCalendarDate(date), datetime: date };
}

/** A sentence of text and dates, in reading order: strings are text. */
export function sentence(...parts: readonly (string | SentencePart)[]): Sentence {
  return parts.map((part) => (typeof part === 'string' ? { text: part } : part));
}

/** The sentence as plain text, as a reader reads it. */
export function sentenceText(parts: Sentence): string {
  return parts.map((part) => part.text).join('');
}

/**
 * How an end-of-support notice is told (Code of Practice 4.2): the end of support in the release
 * line's phase (supported, ending soon or ended), and each event in the history of its date (the
 * first announcement, a date extended, a date brought forward).
 */
import type { NoticeEvent, ReleaseLine } from '../../registry/types.ts';
import { datePart, sentence, type Sentence } from './sentence.ts';

/** "24 months", "1 month". */
export function monthsInWords(months: number): string {
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/** "24 months’ notice", "1 month’s notice". */
export function noticeInWords(months: number): string {
  return `${monthsInWords(months)}’${months === 1 ? 's' : ''} notice`;
}

/** "support ends 31 January 2028" while supported (or ending soon); "support ended 30 June 2025" once ended. */
export function endOfSupportSentence(releaseLine: Pick<ReleaseLine, 'status'>, endOfSupport: string): Sentence {
  return sentence(releaseLine.status.state === 'ended' ? 'support ended ' : 'support ends ', datePart(endOfSupport));
}

/**
 * One event in the history of an end-of-support date, after the day it happened on:
 * "Announced: support ends 31 January 2028 (24 months’ notice)."
 * "Extended: support now ends 30 September 2027 instead of 31 March 2027 (19 months’ notice)."
 * "Brought forward: support now ends 31 December 2027 instead of 31 January 2028 (13 months’ notice)."
 * followed by the reason given, if any.
 */
export function noticeEventSentence(event: NoticeEvent): Sentence {
  const notice = ` (${noticeInWords(event.noticeMonths)}).`;
  const reason = event.reason === undefined ? [] : [` ${event.reason}`];
  if (event.kind === 'announced' || event.previous === undefined) {
    return sentence('Announced: support ends ', datePart(event.endOfSupport), notice, ...reason);
  }
  return sentence(
    event.kind === 'extended' ? 'Extended' : 'Brought forward',
    ': support now ends ',
    datePart(event.endOfSupport),
    ' instead of ',
    datePart(event.previous),
    notice,
    ...reason,
  );
}

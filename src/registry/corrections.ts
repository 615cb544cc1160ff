/**
 * The published facts of incidents and advisories, written the one way the check, the pages, the
 * feeds and CSAF give them (docs/editor-guide.md, "Correct a published fact"): the check compares
 * these texts across the versions git published, and a correction's "was" is one of them.
 */
import type { Correction } from './types.ts';

/** An instant as the Registry holds it (UTC, RFC 3339 §5.6 with "Z"); text that is no instant stays as it is. */
export function utcInstant(timestamp: string): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : new Date(time).toISOString().replace('.000Z', 'Z');
}

/** An incident's affected products: "gateway: 1.x, 2.x; console: all release lines". */
export function incidentAffectsText(affects: readonly { product: string; releases?: readonly string[] | undefined }[]) {
  return affects
    .map((entry) => `${entry.product}: ${entry.releases ? entry.releases.join(', ') : 'all release lines'}`)
    .join('; ');
}

/** An advisory's affected release line: "gateway 1.x". */
export const releaseLineText = (entry: { product: string; release: string }) => `${entry.product} ${entry.release}`;

/** What a corrected field is, in words: "impact", "the time of update 2", "the CVSS vector". */
export function correctedFieldWords(field: string, releaseLineOf: (index: number) => string | undefined): string {
  const update = /^updates\[(\d+)\]\.(at|status|text)$/.exec(field);
  if (update) {
    const what = { at: 'the time', status: 'the status', text: 'the text' }[update[2] as 'at' | 'status' | 'text'];
    return `${what} of update ${Number(update[1]) + 1}`;
  }
  const affected = /^affects\[(\d+)\]\.(affected|fixed)$/.exec(field);
  if (affected) {
    const line = releaseLineOf(Number(affected[1])) ?? `release line ${Number(affected[1]) + 1}`;
    return affected[2] === 'fixed' ? `the fixed version of ${line}` : `the affected versions of ${line}`;
  }
  return (
    {
      impact: 'impact',
      affects: 'the affected products',
      cves: 'a CVE ID',
      'cvss.vector': 'the CVSS vector',
      'cvss.severity': 'the severity',
    }[field] ?? field
  );
}

/** A value as the exact YAML to write: plain when it reads back as the same text, else quoted. */
export function yamlValue(value: string): string {
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** A correction as written, with what the field held after it, for the Registry. */
interface Written {
  readonly at: string;
  readonly by: string;
  readonly corrects: readonly { readonly field: string; readonly was: string }[] | undefined;
}

/**
 * Each correction oldest first, with what the value was in fact: the next correction of the same
 * field's "was", else `valueNow(field)`.
 */
export function correctionsOf(
  written: readonly Written[],
  valueNow: (field: string) => string,
  what: (field: string) => string,
): Correction[] {
  const flat = written.flatMap((entry) =>
    (entry.corrects ?? []).map((correction) => ({ ...correction, at: entry.at, by: entry.by })),
  );
  return flat.map((correction, index) => {
    const field = correction.field;
    const isTime = /\.at$/.test(field);
    const next = flat.slice(index + 1).find((later) => later.field === field);
    const was = isTime ? utcInstant(correction.was) : correction.was;
    const now = next ? (isTime ? utcInstant(next.was) : next.was) : valueNow(field);
    return { at: correction.at, field, what: what(field), was, now, by: correction.by };
  });
}

/** The sentence pages, feeds and CSAF give a correction, after "Corrected on <day>: ". */
export const correctionSentence = (correction: Pick<Correction, 'what' | 'was' | 'now'>) =>
  `${correction.what} was recorded as ${correction.was}; it was ${correction.now}`;

/** Each revision's key: its date, with ".2" for the second that day (as its feed item, src/outputs/feeds/events.ts). */
export function revisionKeys(revisions: readonly { date: string }[]): string[] {
  const sameDay = new Map<string, number>();
  return revisions.map((revision) => {
    const nth = (sameDay.get(revision.date) ?? 0) + 1;
    sameDay.set(revision.date, nth);
    return nth === 1 ? revision.date : `${revision.date}.${nth}`;
  });
}

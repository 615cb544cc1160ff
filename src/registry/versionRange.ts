/**
 * Affected versions as editors write them — "5.0.0 to 5.4.1", "< 5.4.2" or "<= 5.4.1", with an
 * optional note in brackets such as "(Windows)" — read as a range in the package-url "vers"
 * notation (`vers:generic/>=5.0.0|<=5.4.1`), which vulnerability tools match versions against.
 * Anything else stays free text: the check warns, and CSAF then names the whole release line.
 */

export interface VersionRange {
  /** The range in vers notation. */
  readonly vers: string;
  /** The bracketed note after the range, e.g. "Windows". */
  readonly note: string | undefined;
}

/** A version without characters vers would need to escape. */
const VERSION = String.raw`[0-9A-Za-z][0-9A-Za-z._-]*`;
const RANGE = new RegExp(
  String.raw`^(?:(?<from>${VERSION})\s+to\s+(?<to>${VERSION})|(?<below><=?)\s*(?<limit>${VERSION}))(?:\s+\((?<note>[^()]+)\))?$`,
);

export function readVersionRange(text: string): VersionRange | undefined {
  const groups = RANGE.exec(text.trim())?.groups;
  if (!groups) return undefined;
  const { from, to } = groups;
  // vers: constraints are sorted by version and each version appears once, so "a to a" is the
  // single version a, and a range that ends before it starts is not a range.
  if (from !== undefined && to !== undefined && compareVersions(from, to) > 0) return undefined;
  const constraints =
    from === undefined ? `${groups['below']}${groups['limit']}` : from === to ? from : `>=${from}|<=${to}`;
  return { vers: `vers:generic/${constraints}`, note: groups['note']?.trim() };
}

/** "5.4.1 to 5.0.0": a range whose first version is after its last, which no version is in. */
export function isReversedRange(text: string): boolean {
  const groups = RANGE.exec(text.trim())?.groups;
  return groups?.['from'] !== undefined && compareVersions(groups['from'], groups['to']!) > 0;
}

/** Orders versions part by part ("5.10.0" after "5.9.1"): numbers as numbers, other parts as text. */
function compareVersions(a: string, b: string): number {
  const partsA = a.split(/[._-]/);
  const partsB = b.split(/[._-]/);
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const partA = partsA[index] ?? '';
    const partB = partsB[index] ?? '';
    const numeric = /^\d+$/.test(partA) && /^\d+$/.test(partB);
    const order = numeric ? Number(partA) - Number(partB) : partA.localeCompare(partB, 'en');
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/** How to write a range the reader understands, for messages. */
export const VERSION_RANGE_FORMS =
  '"5.0.0 to 5.4.1", "< 5.4.2" or "<= 5.4.1", optionally followed by a note such as "(Windows)"';

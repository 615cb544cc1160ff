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
  const constraints =
    groups['from'] !== undefined ? `>=${groups['from']}|<=${groups['to']}` : `${groups['below']}${groups['limit']}`;
  return { vers: `vers:generic/${constraints}`, note: groups['note']?.trim() };
}

/** How to write a range the reader understands, for messages. */
export const VERSION_RANGE_FORMS =
  '"5.0.0 to 5.4.1", "< 5.4.2" or "<= 5.4.1", optionally followed by a note such as "(Windows)"';

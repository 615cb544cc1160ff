/** Independent well-formedness checks for the XML the feeds are written in. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';

/**
 * CI installs libxml2-utils; on a machine without it only fast-xml-parser checks, and that is the
 * weaker check: it accepts "]]>" in text content, which XML 1.0 §2.4 forbids and xmllint rejects.
 * (fast-xml-parser marks XMLValidator deprecated in favour of a separate package, not installed.)
 */
export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** Empty when the XML is well-formed; otherwise what xmllint or fast-xml-parser said. */
export function wellFormednessErrors(xml: string): string[] {
  const errors: string[] = [];
  const validation = XMLValidator.validate(xml);
  if (validation !== true) errors.push(`fast-xml-parser: ${validation.err.msg} (line ${validation.err.line})`);
  if (hasXmllint) {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustline-xml-'));
    try {
      const file = path.join(dir, 'document.xml');
      writeFileSync(file, xml);
      const result = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
      if (result.status !== 0) errors.push(`xmllint: ${result.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return errors;
}

/** RFC 822 date-time as RSS 2.0 uses it, in GMT: "Sun, 01 Nov 2026 09:10:00 GMT". */
export const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** RFC 3339 date-time in UTC, as Atom and JSON Feed use it. */
export const RFC_3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * docs/api.md promises instants in RFC 3339 UTC: every machine-readable file of the demo site
 * writes a time as UTC with "Z", whatever offset the editor wrote in the content (the demo's
 * INC-2026-0024 is written in British Summer Time, +01:00). Calendar dates (YYYY-MM-DD) are not
 * instants and stay as they are; RSS writes RFC 822 dates in GMT.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/pipeline/manifest.ts';
import { machineFiles } from '../../src/outputs/machineFiles.ts';
import { loadRegistry } from '../../src/registry/loadRegistry.ts';
import { DEMO_BUILD_DATE, DEMO_SITE_DIR } from '../support/builtSite.ts';

/** A date and a time of day, with whatever follows: an offset, "Z", or nothing. */
const RFC_3339_DATE_TIME = /\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?/g;
/** iCalendar's DATE-TIME (RFC 5545 §3.3.5): 20261206T220000Z in UTC, without the Z in local time. */
const ICALENDAR_DATE_TIME = /\b\d{8}T\d{6}Z?/g;
/** RFC 822 dates (RSS pubDate, OPML dateCreated) with their zone. */
const RFC_822_DATE_TIME = /\b\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [A-Za-z+-][A-Za-z0-9]*/g;

async function machinePaths(): Promise<string[]> {
  const registry = loadRegistry({ contentDir: 'content', buildDate: DEMO_BUILD_DATE });
  return [...(await machineFiles(registry)).map((file) => file.path), MANIFEST_FILE];
}

/** Every match that is not in UTC, as "file: value". */
async function notUtc(pattern: RegExp, isUtc: (value: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of await machinePaths()) {
    const text = readFileSync(path.join(DEMO_SITE_DIR, file), 'utf8');
    for (const [value] of text.matchAll(pattern)) if (!isUtc(value)) found.push(`${file}: ${value}`);
  }
  return found;
}

describe('instants in the machine-readable files', () => {
  it('are RFC 3339 date-times in UTC, ending in Z', async () => {
    const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
    expect(await notUtc(RFC_3339_DATE_TIME, (value) => utc.test(value))).toEqual([]);
  });

  it('are iCalendar date-times in UTC, ending in Z', async () => {
    expect(await notUtc(ICALENDAR_DATE_TIME, (value) => value.endsWith('Z'))).toEqual([]);
  });

  it('are RFC 822 dates in GMT in RSS and OPML', async () => {
    expect(await notUtc(RFC_822_DATE_TIME, (value) => value.endsWith(' GMT') || value.endsWith(' +0000'))).toEqual([]);
  });

  it('include the times of an incident written with an offset, converted to UTC', () => {
    const incidents = readFileSync(path.join(DEMO_SITE_DIR, 'api/v1/incidents.json'), 'utf8');
    expect(incidents).toContain('"startedAt": "2026-09-09T06:00:00Z"');
    expect(incidents).toContain('"at": "2026-09-09T09:30:00Z"');
  });
});

/**
 * check and build keep parsed front matter, and the lines of fields with warnings, between runs
 * (src/registry/source/parseCache.ts). A warm run must say exactly what a cold one says, and an
 * edited file must never be answered from the cache.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableParseCache, saveParseCache } from '../../src/registry/source/parseCache.ts';
import { checkFixture } from '../support/checkFixture.ts';
import {
  advisory,
  createContent,
  markdownFile,
  outsideGitWarning,
  product,
  type Fixture,
  noticeGuidance,
} from '../support/contentFixture.ts';

let fixture: Fixture;
let cacheDir: string;
let cacheFile: string;

beforeEach(() => {
  fixture = createContent();
  cacheDir = mkdtempSync(path.join(tmpdir(), 'trustline-parse-cache-'));
  cacheFile = path.join(cacheDir, 'parsed-front-matter.v8');
});
afterEach(() => {
  saveParseCache();
  fixture.cleanup();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** One check as `npm run check` runs it: cache loaded, content checked, cache saved. */
function checkWithCache() {
  enableParseCache(cacheFile);
  const { errors, warnings } = checkFixture(fixture);
  saveParseCache();
  return { errors, warnings };
}

/** The 1.x line ends 70 days after the build date (a warning); the advisory's severity is wrong (an error). */
function writeProblems(comment = '') {
  const releases = product().releases.map((releaseLine, index) =>
    index === 1
      ? {
          ...releaseLine,
          endOfSupport: {
            date: '2027-01-31',
            announced: '2026-01-15',
            source: 'https://fixture.example/news/1x',
            ...noticeGuidance,
          },
        }
      : releaseLine,
  );
  fixture.write('products/gateway.md', markdownFile(product({ releases })).replace('---\n', `---\n${comment}`));
  fixture.write(
    'advisories/FSA-2026-0001.md',
    markdownFile({ ...advisory, cvss: { ...advisory.cvss, severity: 'low' } }),
  );
}

describe('the parse cache', () => {
  it('gives a warm check the same errors and warnings, on the same lines, as a cold one', () => {
    writeProblems();
    const cold = checkWithCache();
    expect(cold.warnings).toEqual([
      outsideGitWarning(fixture.dir),
      'products/gateway.md:25 releases[1].endOfSupport.date: support for Fixture Gateway 1.x ends in 70 days (2027-01-31): make sure its customers have a migration path',
    ]);
    expect(cold.errors).toHaveLength(1);
    expect(checkWithCache()).toEqual(cold);
  });

  it('keeps the line of each field with a warning, so a warm check does not parse the file again', () => {
    writeProblems();
    checkWithCache();
    const stored = deserialize(readFileSync(cacheFile)) as { entries: Map<string, unknown> };
    const lines = [...stored.entries].filter(([key]) => key.startsWith('line '));
    expect(lines.map(([key, line]) => [key.split(' ').at(-1), line])).toEqual([
      ['["releases",1,"endOfSupport","date"]', 24],
      ['["cvss","severity"]', 9],
    ]);
  });

  it('reports a field at its new line once the file is edited above it', () => {
    writeProblems();
    checkWithCache();
    writeProblems('# A comment line moves every field down by one.\n');
    expect(checkWithCache().warnings).toEqual([
      outsideGitWarning(fixture.dir),
      'products/gateway.md:26 releases[1].endOfSupport.date: support for Fixture Gateway 1.x ends in 70 days (2027-01-31): make sure its customers have a migration path',
    ]);
  });
});

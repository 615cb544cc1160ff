/**
 * What a rebuild changes: a page says what its reader needs, the date of the status and how many
 * days things are away, so a scheduled build later the same day with nothing edited writes the
 * same pages and a deploy uploads none of them (docs/benchmarks.md, deploy churn).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { DEMO_BUILD_DATE, DEMO_SITE_DIR, ROOT, runBuild } from '../support/builtSite.ts';

/** A full build takes 15–60 s on a shared two-core machine. */
const BUILD_TIMEOUT = 300_000;
const work = mkdtempSync(path.join(tmpdir(), 'trustline-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every page of a built site and a hash of its bytes. */
const pageHashes = (dir: string) =>
  Object.fromEntries(
    listFiles(dir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [
        file,
        createHash('sha256')
          .update(readFileSync(path.join(dir, file)))
          .digest('hex'),
      ]),
  );

describe('a rebuild with nothing edited', () => {
  it('shows the date of the status in the footer, not the time of the build', () => {
    const overview = readFileSync(path.join(DEMO_SITE_DIR, 'index.html'), 'utf8');
    expect(overview).toContain('Status as of <time datetime="2026-11-22">22 November 2026</time>');
  });

  it('gives no status date on the page of an advisory, a policy or a resolved incident, which do not change with it', () => {
    const footer = (page: string) => readFileSync(path.join(DEMO_SITE_DIR, page, 'index.html'), 'utf8');
    expect(footer('advisories/KSA-2026-0012')).not.toContain('Status as of');
    expect(footer('policies/support-policy')).not.toContain('Status as of');
    expect(footer('incidents/INC-2026-0027')).not.toContain('Status as of');
    expect(footer('incidents/INC-2026-0031')).toContain(
      'Status as of <time datetime="2026-11-22">22 November 2026</time>',
    );
  });

  it(
    'writes every page byte for byte the same at another time of the same day',
    () => {
      const out = path.join(work, 'morning');
      const result = runBuild([
        '--content',
        path.join(ROOT, 'content'),
        '--date',
        `${DEMO_BUILD_DATE}T09:00:00Z`,
        '--out',
        out,
      ]);
      expect(result.status, result.stderr).toBe(0);
      expect(pageHashes(out)).toEqual(pageHashes(DEMO_SITE_DIR));
    },
    BUILD_TIMEOUT,
  );
});

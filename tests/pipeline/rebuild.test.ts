/**
 * What a rebuild changes: a page says what its reader needs, the date of the status and how many
 * days things are away, and a machine-readable file states the build time only where its format
 * promises it, so a scheduled build later the same day with nothing edited writes the same pages,
 * calendars, feeds and CSAF documents, and a deploy uploads none of them (docs/benchmarks.md,
 * deploy churn).
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

/** Every file of a built site and a hash of its bytes. */
const fileHashes = (dir: string) =>
  Object.fromEntries(
    listFiles(dir).map((file) => [
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
    'writes every page and machine-readable file byte for byte the same at another time of the same day, but those that state the build time',
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
      const morning = fileHashes(out);
      const evening = fileHashes(DEMO_SITE_DIR);
      expect(Object.keys(morning).sort()).toEqual(Object.keys(evening).sort());
      const changed = Object.keys(morning).filter((file) => morning[file] !== evening[file]);
      // The API's generated_at, the CSAF provider's last_updated and its feed's updated, the
      // OPML's dateModified, security.txt's header, the self-assessment and the manifest.
      const statesBuildTime = (file: string) =>
        (/^api\/v1\/.*\.json$/.test(file) && file !== 'api/v1/schema.json') ||
        [
          '.well-known/csaf/provider-metadata.json',
          '.well-known/csaf/white/csaf-feed-tlp-white.json',
          '.well-known/security.txt',
          'feeds/index.opml',
          'code-of-practice/self-assessment.json',
          'build-manifest.json',
        ].includes(file);
      expect(changed.sort()).toEqual(Object.keys(morning).filter(statesBuildTime).sort());
    },
    BUILD_TIMEOUT,
  );
});

/**
 * A correction of a published fact is visible: the page lists it, subscribers get a feed item for
 * it, and the CSAF revision history carries it; an update whose time is corrected keeps its feed
 * id. Each page shows the content commit it was built from and, when the vendor names its public
 * repository, links that commit and its source file's history. A real build of a fixture kept in
 * a real git repository, published on 1 November 2026 and corrected on 3 November.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findAll, textContent } from 'domutils';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csafFileName } from '../../src/outputs/csaf/location.ts';
import { runBuild } from '../support/builtSite.ts';
import {
  BUILD_DATE,
  advisory,
  createContent,
  incident,
  markdownFile,
  vendor,
  type Fixture,
} from '../support/contentFixture.ts';
import { commitAll, git } from '../support/git.ts';
import { mainOf, mainTexts } from '../support/pageLinks.ts';

let fixture: Fixture;
let siteDir: string;
let contentCommit: string;

const ORIGINAL_VECTOR = advisory.cvss.vector;
const LOWERED_VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H';

beforeAll(() => {
  fixture = createContent();
  fixture.write(
    'vendor.yml',
    stringify({
      ...vendor,
      sourceRepository: {
        fileHistory: 'https://git.fixture.example/trust/commits/main/',
        commit: 'https://git.fixture.example/trust/commit/',
      },
    }),
  );
  const writeIncident = (changes: Record<string, unknown>) =>
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, security: true, ...changes }));
  writeIncident({ impact: 'major' });
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  commitAll(fixture.dir, '2026-11-01T11:00:00+00:00', 'Publish');

  writeIncident({
    impact: 'minor',
    updates: [
      { ...incident.updates[0], at: '2026-11-01T09:05:00Z', key: '2026-11-01T09:10:00Z' },
      incident.updates[1],
      {
        at: '2026-11-03T09:00:00Z',
        status: 'resolved',
        text: 'We reassessed the impact, and the first update was posted at 09:05.',
        corrects: [
          { field: 'impact', was: 'major' },
          { field: 'updates[0].at', was: '2026-11-01T09:10:00Z' },
        ],
      },
    ],
  });
  fixture.write(
    'advisories/FSA-2026-0001.md',
    markdownFile({
      ...advisory,
      cvss: { vector: LOWERED_VECTOR, severity: 'high' },
      revisions: [
        ...advisory.revisions,
        {
          date: '2026-11-03',
          summary: 'Corrected the score: the attack needs privileges.',
          corrects: [
            { field: 'cvss.vector', was: ORIGINAL_VECTOR },
            { field: 'cvss.severity', was: 'critical' },
          ],
        },
      ],
    }),
  );
  commitAll(fixture.dir, '2026-11-03T10:00:00+00:00', 'Correct the incident and the advisory');
  contentCommit = git(fixture.dir, ['rev-parse', 'HEAD']).trim();
  // A later commit that leaves the incident's file alone: its page still names the commit above.
  appendFileSync(path.join(fixture.dir, 'advisories/FSA-2026-0001.md'), '\nReworded for clarity.\n');
  commitAll(fixture.dir, '2026-11-04T10:00:00+00:00', 'Reword the advisory');

  siteDir = mkdtempSync(path.join(tmpdir(), 'trustline-corrections-'));
  const build = runBuild(['--content', fixture.dir, '--date', BUILD_DATE, '--out', siteDir]);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

afterAll(() => {
  fixture.cleanup();
  rmSync(siteDir, { recursive: true, force: true });
});

const correctionItems = (pagePath: string) =>
  mainTexts(siteDir, pagePath, (element) => element.name === 'li').filter((text) => text.startsWith('Corrected on'));

/** Every link in <main>: its text and address. */
const mainLinks = (pagePath: string) =>
  findAll((element) => element.name === 'a', [mainOf(siteDir, pagePath)]).map((element) => ({
    text: textContent(element).replace(/\s+/g, ' ').trim(),
    href: element.attribs['href'],
  }));

interface JsonFeed {
  items: { id: string; title: string; content_text?: string; summary?: string; date_published: string }[];
}
const feed = (topic: string) =>
  JSON.parse(readFileSync(path.join(siteDir, 'feeds', `${topic}.json`), 'utf8')) as JsonFeed;

describe('a corrected incident', () => {
  it('lists its corrections on its page', () => {
    expect(correctionItems('incidents/INC-2026-0001/')).toEqual([
      'Corrected on 3 November 2026: impact was recorded as major; it was minor',
      'Corrected on 3 November 2026: the time of update 1 was recorded as 2026-11-01T09:10:00Z; it was 2026-11-01T09:05:00Z',
    ]);
  });

  it('tells subscribers of each correction in a feed item of its own', () => {
    const items = feed('incidents').items.filter((item) => item.title.startsWith('Correction'));
    expect(items.map((item) => [item.id, item.title, item.summary, item.date_published])).toEqual([
      [
        'tag:trust.fixture.example,2026-11-03:incident:INC-2026-0001:correction:2026-11-03T09:00:00Z:impact',
        'Correction: Gateway updates delayed',
        'Corrected on 3 November 2026: impact was recorded as major; it was minor. Incident INC-2026-0001.',
        '2026-11-03T09:00:00Z',
      ],
      [
        'tag:trust.fixture.example,2026-11-03:incident:INC-2026-0001:correction:2026-11-03T09:00:00Z:updates%5B0%5D.at',
        'Correction: Gateway updates delayed',
        'Corrected on 3 November 2026: the time of update 1 was recorded as 2026-11-01T09:10:00Z; it was 2026-11-01T09:05:00Z. Incident INC-2026-0001.',
        '2026-11-03T09:00:00Z',
      ],
    ]);
  });

  it('keeps the feed id of the update whose time was corrected', () => {
    const first = feed('incidents').items.find((item) => item.title.startsWith('Investigating'));
    expect([first?.id, first?.date_published]).toEqual([
      'tag:trust.fixture.example,2026-11-01:incident:INC-2026-0001:update:2026-11-01T09:10:00Z',
      '2026-11-01T09:05:00Z',
    ]);
  });

  it('carries the corrections in the revision history of its CSAF document', () => {
    const file = path.join(siteDir, '.well-known/csaf/white/2026', csafFileName('INC-2026-0001'));
    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      document: { tracking: { revision_history: { summary: string }[] } };
    };
    expect(document.document.tracking.revision_history.map((revision) => revision.summary)).toEqual([
      'Update: investigating',
      'Update: resolved',
      'Update: resolved Corrected: impact was recorded as major; it was minor. Corrected: the time of update 1 was recorded as 2026-11-01T09:10:00Z; it was 2026-11-01T09:05:00Z.',
    ]);
  });

  it('shows the last commit of its source file, not a later one of other files, and links the file history', () => {
    const source = mainTexts(siteDir, 'incidents/INC-2026-0001/', (element) =>
      (element.attribs?.['class'] ?? '').includes('source-history'),
    );
    expect(source).toEqual([
      `Source last changed in content commit ${contentCommit.slice(0, 12)}. History of this page’s source.`,
    ]);
    const manifest = JSON.parse(readFileSync(path.join(siteDir, 'build-manifest.json'), 'utf8')) as {
      contentCommit: string;
    };
    expect(manifest.contentCommit).toBe(git(fixture.dir, ['rev-parse', 'HEAD']).trim());
    expect(manifest.contentCommit).not.toBe(contentCommit);
    const links = mainLinks('incidents/INC-2026-0001/').filter(
      (link) => link.text === contentCommit.slice(0, 12) || link.text === 'History of this page’s source',
    );
    expect(links.map((link) => [link.text, link.href])).toEqual([
      [contentCommit.slice(0, 12), `https://git.fixture.example/trust/commit/${contentCommit}`],
      ['History of this page’s source', 'https://git.fixture.example/trust/commits/main/incidents/INC-2026-0001.md'],
    ]);
  });
});

describe('a corrected advisory', () => {
  it('lists its corrections on its page', () => {
    expect(correctionItems('advisories/FSA-2026-0001/')).toEqual([
      `Corrected on 3 November 2026: the CVSS vector was recorded as ${ORIGINAL_VECTOR}; it was ${LOWERED_VECTOR}`,
      'Corrected on 3 November 2026: the severity was recorded as critical; it was high',
    ]);
  });

  it('tells subscribers of each correction in a feed item of its own', () => {
    const items = feed('advisories').items.filter((item) => item.title.startsWith('FSA-2026-0001 corrected'));
    expect(items.map((item) => [item.id, item.summary])).toEqual([
      [
        'tag:trust.fixture.example,2026-11-03:advisory:FSA-2026-0001:correction:2026-11-03:cvss.severity',
        'Corrected on 3 November 2026: the severity was recorded as critical; it was high.',
      ],
      [
        'tag:trust.fixture.example,2026-11-03:advisory:FSA-2026-0001:correction:2026-11-03:cvss.vector',
        `Corrected on 3 November 2026: the CVSS vector was recorded as ${ORIGINAL_VECTOR}; it was ${LOWERED_VECTOR}.`,
      ],
    ]);
  });

  it('carries the corrections in the revision history of its CSAF document', () => {
    const file = path.join(siteDir, '.well-known/csaf/white/2026', csafFileName('FSA-2026-0001'));
    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      document: { tracking: { revision_history: { summary: string }[] } };
    };
    expect(document.document.tracking.revision_history.map((revision) => revision.summary)).toEqual([
      'Initial publication.',
      `Corrected the score: the attack needs privileges. Corrected: the CVSS vector was recorded as ${ORIGINAL_VECTOR}; it was ${LOWERED_VECTOR}. Corrected: the severity was recorded as critical; it was high.`,
    ]);
  });

  it('links the history of its source file, and the product page (its end-of-support notices) too', () => {
    for (const [page, file] of [
      ['advisories/FSA-2026-0001/', 'advisories/FSA-2026-0001.md'],
      ['products/gateway/', 'products/gateway.md'],
    ] as const) {
      const links = mainLinks(page).filter((link) => link.text === 'History of this page’s source');
      expect(links.map((link) => link.href)).toEqual([`https://git.fixture.example/trust/commits/main/${file}`]);
    }
  });
});

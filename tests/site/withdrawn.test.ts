/**
 * A withdrawn product or advisory (content/withdrawn.yml) keeps its address: the real build of a
 * git repository that published them, removed them and recorded why serves a short page there
 * saying what was withdrawn, when and why, kept out of the sitemap and search engines.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runBuild, type BuildResult } from '../support/builtSite.ts';
import { BUILD_DATE, createContent, markdownFile, product, type Fixture } from '../support/contentFixture.ts';
import { commitAll, git } from '../support/git.ts';
import { mainTexts, pageFile } from '../support/pageLinks.ts';

let fixture: Fixture;
let siteDir: string;
let build: BuildResult;

beforeAll(() => {
  fixture = createContent();
  fixture.write('products/relay.md', markdownFile(product({ slug: 'relay', name: 'Fixture Relay' })));
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  commitAll(fixture.dir, '2026-03-01T10:00:00+00:00', 'Publish');
  fixture.remove('products/relay.md');
  fixture.remove('advisories/FSA-2026-0001.md');
  fixture.write(
    'withdrawn.yml',
    stringify({
      withdrawn: [
        {
          product: 'relay',
          title: 'Fixture Relay',
          date: '2026-11-20',
          reason: 'Fixture Relay was listed by mistake: it was never sold. Use **Fixture Gateway** instead.',
        },
        {
          advisory: 'FSA-2026-0001',
          title: 'Gateway header injection',
          date: '2026-11-21',
          reason: 'The reported behaviour was not a vulnerability.',
        },
      ],
    }),
  );
  commitAll(fixture.dir, '2026-11-21T10:00:00+00:00', 'Withdraw the relay and an advisory');
  siteDir = mkdtempSync(path.join(tmpdir(), 'trustline-withdrawn-site-'));
  build = runBuild(['--content', fixture.dir, '--date', BUILD_DATE, '--out', siteDir]);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

afterAll(() => {
  fixture.cleanup();
  rmSync(siteDir, { recursive: true, force: true });
});

const blocks = (pagePath: string) =>
  mainTexts(siteDir, pagePath, (element) => ['h1', 'h2', 'p'].includes(element.name));

describe('a withdrawn page', () => {
  it('builds without the removed-file warning for what was withdrawn', () => {
    expect(`${build.stdout}${build.stderr}`).not.toContain('no longer in the content folder');
  });

  it('says at the product’s address what was withdrawn, when and why', () => {
    expect(blocks('products/relay/')).toEqual([
      'Product',
      'Fixture Relay',
      'This product was withdrawn on 20 November 2026.',
      'Why it was withdrawn',
      'Fixture Relay was listed by mistake: it was never sold. Use Fixture Gateway instead.',
      'All products',
    ]);
  });

  it('says at the advisory’s address what was withdrawn, when and why', () => {
    expect(blocks('advisories/FSA-2026-0001/')).toEqual([
      'Security advisory FSA-2026-0001',
      'Gateway header injection',
      'This security advisory was withdrawn on 21 November 2026.',
      'Why it was withdrawn',
      'The reported behaviour was not a vulnerability.',
      'All security advisories',
    ]);
  });

  it('asks search engines not to index it', () => {
    expect(readFileSync(pageFile(siteDir, 'products/relay/'), 'utf8')).toContain(
      '<meta name="robots" content="noindex">',
    );
  });

  it('is left out of the sitemap', () => {
    const sitemap = readFileSync(path.join(siteDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://trust.fixture.example/products/gateway/</loc>');
    expect(sitemap).not.toContain('/products/relay/');
    expect(sitemap).not.toContain('/advisories/FSA-2026-0001/');
  });

  it('is not listed with the published products', () => {
    expect(readFileSync(pageFile(siteDir, 'products/'), 'utf8')).not.toContain('Fixture Relay');
  });
});

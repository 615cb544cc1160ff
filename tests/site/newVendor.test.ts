/**
 * A vendor starting out, as a customer sees its portal: a project site on GitHub Pages (site.url
 * "https://owner.github.io/trust-portal/" and basePath "/trust-portal/"), one product whose
 * notice gives no guidance yet, no OpenPGP key, and no incidents or advisories. A second vendor
 * has no products at all, and gives site.url without basePath. Both built by the real build; the
 * editor's instructions are in check's output only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEMO_BUILD_DATE, ROOT, runBuild } from '../support/builtSite.ts';
import {
  createContent,
  markdownFile,
  outsideGitWarning,
  product,
  vendor,
  type Fixture,
} from '../support/contentFixture.ts';
import { mainOf, pageFile, readingText } from '../support/pageLinks.ts';
import { findAll } from 'domutils';

const SITE_URL = 'https://owner.github.io/trust-portal/';
const BUILD_TIMEOUT = 300_000;
let workDir: string;
let newVendor: Fixture;
let noProducts: Fixture;
let siteDir: string;
let emptySiteDir: string;

/** The vendor profile of a project site on GitHub Pages, with no OpenPGP key yet. */
function projectSiteVendor(site: { url: string; basePath?: string }): string {
  return stringify({ ...vendor, pgpKeyUrl: undefined, site });
}

function build(fixture: Fixture, out: string): void {
  const result = runBuild(['--content', fixture.dir, '--date', DEMO_BUILD_DATE, '--out', out]);
  if (result.status !== 0) throw new Error(`the fixture did not build:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'trustline-new-vendor-'));
  newVendor = createContent();
  newVendor.write('vendor.yml', projectSiteVendor({ url: SITE_URL, basePath: '/trust-portal/' }));
  const releases = product().releases.map((releaseLine, index) =>
    index === 1
      ? {
          ...releaseLine,
          endOfSupport: { date: '2027-12-31', announced: '2026-06-01', source: 'https://fixture.example/n' },
        }
      : releaseLine,
  );
  newVendor.write('products/gateway.md', markdownFile(product({ releases })));
  newVendor.remove('incidents/INC-2026-0001.md');
  newVendor.remove('advisories/FSA-2026-0001.md');
  siteDir = path.join(workDir, 'site');
  build(newVendor, siteDir);

  noProducts = createContent();
  noProducts.write('vendor.yml', projectSiteVendor({ url: SITE_URL }));
  for (const file of ['products/gateway.md', 'incidents/INC-2026-0001.md', 'advisories/FSA-2026-0001.md']) {
    noProducts.remove(file);
  }
  emptySiteDir = path.join(workDir, 'empty-site');
  build(noProducts, emptySiteDir);
}, BUILD_TIMEOUT);

afterAll(() => {
  newVendor.cleanup();
  noProducts.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

const mainText = (dir: string, pagePath: string) => readingText(mainOf(dir, pagePath));
/** The reading text of each <section> of a page labelled by one of `headings`. */
const sectionTexts = (dir: string, pagePath: string, headings: string[]) =>
  findAll(
    (element) => element.name === 'section' && headings.includes(element.attribs['aria-labelledby'] ?? ''),
    [mainOf(dir, pagePath)],
  ).map(readingText);

/** What only an editor should read: content files, content field names and instructions to change them. */
const EDITOR_WORDING = [
  /content\//,
  /\.ya?ml\b/,
  /\b[\w-]+\.md\b/,
  /\b(pgpKeyUrl|postIncidentReport|endOfSupport|migration:|risk:)/,
  /\b(add|set|remove|edit) (the |a |an )?[a-z]*[A-Z.]/,
  /\bthe build\b/i,
  /\bcheck (warns|fails)\b/i,
];
const editorWordingIn = (text: string) => EDITOR_WORDING.filter((pattern) => pattern.test(text)).map(String);

describe('the Code of Practice page of a vendor whose claims are partly met', () => {
  const claimsOf = () =>
    (
      JSON.parse(readFileSync(path.join(siteDir, 'code-of-practice', 'self-assessment.json'), 'utf8')) as {
        principles: { claims: { id: string; status: string; finding: string; argument: string }[] }[];
      }
    ).principles.flatMap((principle) => principle.claims);

  it('is partly met on confidential reporting and on notice guidance', () => {
    const partly = claimsOf()
      .filter((claim) => claim.status === 'partly-met')
      .map((claim) => claim.id);
    expect(partly).toEqual(['3.2.2', '4.2.1']);
  });

  it('tells customers that reports cannot yet be encrypted', () => {
    expect(mainText(siteDir, 'code-of-practice/')).toContain(
      'Partly met reports go to e-mail (security@fixture.example) and a web form (https://fixture.example/security), but no encryption key is published security.txt lists the reporting contacts and the policy describes the process. Reports cannot yet be encrypted: no OpenPGP key is published for them.',
    );
  });

  it('shows no file names, field names or editor instructions on the page', () => {
    expect(editorWordingIn(mainText(siteDir, 'code-of-practice/'))).toEqual([]);
  });

  it('gives auditors no file names, field names or editor instructions in the self-assessment', () => {
    const words = claimsOf()
      .map((claim) => `${claim.finding} ${claim.argument}`)
      .join(' ');
    expect(editorWordingIn(words)).toEqual([]);
  });

  it('leaves the instructions to check, naming the file, the field and the fix', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'check.ts'), '--content', newVendor.dir, '--date', DEMO_BUILD_DATE],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
    );
    expect(result.stderr.split('\n').filter((line) => line.startsWith('warning:'))).toEqual([
      `warning: ${outsideGitWarning(newVendor.dir)}`,
      `warning: ${newVendor.dir}/products/gateway.md:24 releases[1].endOfSupport: the end-of-support notice of 1.x gives no migration or risk guidance: add "migration" (what customers should do: upgrade path, tools, help) and "risk" (what they risk by staying after the date), so customers can plan their move`,
      `warning: ${newVendor.dir}/vendor.yml:1 pgpKeyUrl: is not set, so reports cannot be encrypted and the Code of Practice page shows 3.2.2 (confidential reporting) as partly met: add the address of the security team’s public OpenPGP key, e.g. "pgpKeyUrl: https://example.com/.well-known/pgp-key.asc"`,
    ]);
  });
});

describe('the pages of a vendor with no incidents and no advisories yet', () => {
  it('says on the overview that no advisories are published', () => {
    expect(sectionTexts(siteDir, '', ['latest-advisories'])).toEqual([
      'Latest security advisories No security advisories published yet.',
    ]);
  });

  it('says on the overview that no incidents are reported', () => {
    expect(sectionTexts(siteDir, '', ['recent-incidents'])).toEqual([
      'Recently resolved incidents No incidents reported yet.',
    ]);
  });

  it('says on /advisories/ that none are published, without an empty archive', () => {
    expect(mainText(siteDir, 'advisories/')).toBe(
      'Security advisories Vulnerabilities fixed or mitigated in our products, newest first. Each is also published as a machine-readable CSAF 2.0 document. No security advisories published yet.',
    );
  });

  it('says on /incidents/ that none are reported, without an empty archive', () => {
    expect(mainText(siteDir, 'incidents/')).toBe(
      'Incidents and maintenance No incidents reported and no maintenance planned yet.',
    );
  });

  it('says on the product page that it has no advisories and no incidents', () => {
    expect(sectionTexts(siteDir, 'products/gateway/', ['advisories', 'incidents'])).toEqual([
      'Security advisories No advisories for Fixture Gateway.',
      'Incidents No incidents for Fixture Gateway.',
    ]);
  });
});

describe('the pages of a vendor with no products yet', () => {
  it('says on /products/ that none are listed', () => {
    expect(mainText(emptySiteDir, 'products/')).toBe('Products No products listed yet.');
  });

  it('says on /end-of-support/ that no dates are announced, without an empty list of years', () => {
    expect(mainText(emptySiteDir, 'end-of-support/')).toBe(
      'End of support We announce every end of support at least one year ahead (end-of-support policy). Add the dates to your calendar: end-of-support calendar (iCalendar). Upcoming No end of support is announced. Past No release line has reached its end of support yet.',
    );
  });
});

describe('a project site on GitHub Pages, site.url "https://owner.github.io/trust-portal/"', () => {
  it('gives security.txt its address under the path once', () => {
    const securityTxt = readFileSync(path.join(siteDir, '.well-known', 'security.txt'), 'utf8');
    expect(securityTxt).toContain('Canonical: https://owner.github.io/trust-portal/.well-known/security.txt\n');
    expect(securityTxt).toContain('Policy: https://owner.github.io/trust-portal/policies/vulnerability-disclosure/\n');
  });

  it('lists every page in the sitemap under the path once', () => {
    const sitemap = readFileSync(path.join(siteDir, 'sitemap-0.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(locations).toContain('https://owner.github.io/trust-portal/');
    expect(locations).toContain('https://owner.github.io/trust-portal/products/gateway/');
    expect(
      locations.filter(
        (location) => !location!.startsWith(SITE_URL) || location!.includes('/trust-portal/trust-portal/'),
      ),
    ).toEqual([]);
    expect(readFileSync(path.join(siteDir, 'sitemap-index.xml'), 'utf8')).toContain(
      '<loc>https://owner.github.io/trust-portal/sitemap-0.xml</loc>',
    );
  });

  it('gives each page its canonical address under the path once', () => {
    expect(readFileSync(pageFile(siteDir, 'products/gateway/'), 'utf8')).toContain(
      '<link rel="canonical" href="https://owner.github.io/trust-portal/products/gateway/">',
    );
  });

  it('takes the base path from site.url when basePath is left out', () => {
    expect(readFileSync(pageFile(emptySiteDir, 'products/'), 'utf8')).toContain(
      '<link rel="canonical" href="https://owner.github.io/trust-portal/products/">',
    );
    // A vendor with no products has no Products tab (src/site/navigation.ts); Policies is always there.
    expect(readFileSync(pageFile(emptySiteDir, ''), 'utf8')).toContain('href="/trust-portal/policies/"');
  });

  it('links pages under the path', () => {
    expect(readFileSync(pageFile(siteDir, ''), 'utf8')).toContain('href="/trust-portal/products/"');
    expect(readdirSync(siteDir)).not.toContain('trust-portal');
  });
});

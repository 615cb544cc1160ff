/**
 * List pages stay bounded as the registry grows (docs/architecture.md, "Pages stay bounded"), and nothing is lost: on a generated M
 * registry (100 products, 800 release lines, 1,000 incidents over six years, 300 advisories),
 * built by the real build, each list page shows its bounded selection and links to yearly pages
 * that together hold every item exactly once. Its 1,406 search documents are indexed in two parts
 * (src/site/searchParts.ts): the search page finds the documents of both, and a warm build
 * after one edit indexes only the edited document's part, and equals a cold build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'domhandler';
import { findAll } from 'domutils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_BUILD_DATE } from '../../src/cli/generate/syntheticRegistry.ts';
import { assessCodeOfPractice } from '../../src/outputs/evidence/claims.ts';
import { writeContentFolder } from '../../src/cli/generate/writeContentFolder.ts';
import { loadRegistry } from '../../src/registry/loadRegistry.ts';
import type { Incident, Registry } from '../../src/registry/types.ts';
import { searchPartOf } from '../../src/pipeline/searchIndex.ts';
import { searchDocumentCount, searchPartCount } from '../../src/site/searchParts.ts';
import { paths, sitePath } from '../../src/site/urls.ts';
import { launchChromium } from '../support/browser.ts';
import { runBuild, siteFingerprint } from '../support/builtSite.ts';
import { serveWithNginx } from '../support/nginxServer.ts';
import { mainLinks, mainTexts, pageFile } from '../support/pageLinks.ts';
import { serveStatic } from '../support/staticServer.ts';

let workDir: string;
let contentDir: string;
let siteDir: string;
let registry: Registry;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'trustline-list-pages-'));
  contentDir = path.join(workDir, 'content');
  writeContentFolder('M', 1, contentDir);
  siteDir = path.join(workDir, 'site');
  const result = runBuild(['--content', contentDir, '--date', GENERATED_BUILD_DATE, '--out', siteDir]);
  if (result.status !== 0) throw new Error(`the M registry did not build:\n${result.stdout}\n${result.stderr}`);
  registry = loadRegistry({ contentDir, buildDate: GENERATED_BUILD_DATE });
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The ids of the incident (or advisory) pages a page links to, in order. */
function linkedIds(pagePath: string, section: 'incidents' | 'advisories'): string[] {
  return mainLinks(siteDir, pagePath)
    .map(({ target }) => new RegExp(`^${section}/([A-Za-z0-9-]+)/$`).exec(target)?.[1])
    .filter((id): id is string => id !== undefined);
}

const yearOf = (instant: string) => new Date(instant).toISOString().slice(0, 4);
const monthOf = (instant: string) => new Date(instant).toISOString().slice(0, 7);
const countBy = (keys: string[]) =>
  [...new Set(keys)]
    .sort()
    .reverse()
    .map((key) => `${key} (${keys.filter((other) => other === key).length})`);

describe('/incidents/ on a registry of 1,000 incidents', () => {
  it('lists the open incidents and the newest whole months that hold at most 100 incidents, newest first', () => {
    const months = [...new Set(registry.incidents.map((incident) => monthOf(incident.started)))];
    const shownMonths: string[] = [];
    let count = 0;
    for (const month of months) {
      const inMonth = registry.incidents.filter((incident) => monthOf(incident.started) === month).length;
      if (shownMonths.length > 0 && count + inMonth > 100) break;
      shownMonths.push(month);
      count += inMonth;
    }
    const expected = registry.incidents
      .filter((incident) => shownMonths.includes(monthOf(incident.started)) || incident.state !== 'resolved')
      .map((incident) => incident.id);
    expect(shownMonths.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(registry.incidents.length / 5);
    expect(linkedIds('incidents/', 'incidents')).toEqual(expected);
  });

  it('says since when it lists every incident and links to the archive', () => {
    const lead = mainTexts(siteDir, 'incidents/', (element) => element.attribs['class'] === 'lead')[0];
    expect(lead).toMatch(
      /^Open incidents, planned maintenance and every incident since \w+ 2026, newest first; earlier ones are in the archive by year\./,
    );
  });

  it('links to one archive page per year with incidents, newest first, with how many each holds', () => {
    const years = registry.incidents.map((incident) => yearOf(incident.started));
    const archiveLinks = mainLinks(siteDir, 'incidents/').filter(({ target }) =>
      target.startsWith('incidents/archive/'),
    );
    expect(archiveLinks.map(({ target }) => target)).toEqual(
      [...new Set(years)]
        .sort()
        .reverse()
        .map((year) => `incidents/archive/${year}/`),
    );
    expect(
      mainTexts(
        siteDir,
        'incidents/',
        (element) =>
          element.name === 'li' && (element.parent as Element | null)?.attribs['class'] === 'legend year-links',
      ),
    ).toEqual(countBy(years));
  });

  it('puts every incident of a year, and only those, on that year’s archive page, newest first', () => {
    const years = [...new Set(registry.incidents.map((incident) => yearOf(incident.started)))];
    expect(years).toHaveLength(7);
    for (const year of years) {
      expect(linkedIds(`incidents/archive/${year}/`, 'incidents'), year).toEqual(
        registry.incidents.filter((incident) => yearOf(incident.started) === year).map((incident) => incident.id),
      );
    }
  });

  it('reaches an incident of the oldest year from /incidents/ in two clicks', () => {
    const oldest = registry.incidents.at(-1)!;
    const archive = mainLinks(siteDir, 'incidents/').find(({ text }) => text === yearOf(oldest.started))!;
    expect(archive.target).toBe(`incidents/archive/${yearOf(oldest.started)}/`);
    const incident = mainLinks(siteDir, archive.target).find(({ target }) => target === `incidents/${oldest.id}/`)!;
    expect(incident.text).toBe(oldest.title);
    expect(readFileSync(pageFile(siteDir, incident.target), 'utf8')).toContain(`<h1>${oldest.title}</h1>`);
  });

  it('gives the product filter only the products of the incidents it lists', () => {
    const html = readFileSync(pageFile(siteDir, 'incidents/'), 'utf8');
    const listed = new Set(linkedIds('incidents/', 'incidents'));
    const affected = new Set(
      registry.incidents
        .filter((incident) => listed.has(incident.id))
        .flatMap((incident) => incident.affects.map((entry) => entry.productSlug)),
    );
    const offered = registry.products.filter((product) => html.includes(`&quot;${product.slug}&quot;`));
    expect(offered.map((product) => product.slug)).toEqual(
      registry.products.filter((product) => affected.has(product.slug)).map((product) => product.slug),
    );
  });
});

describe('/advisories/ on a registry of 300 advisories', () => {
  it('lists the 100 most recently published or revised advisories', () => {
    expect(linkedIds('advisories/', 'advisories')).toEqual(
      registry.advisories.slice(0, 100).map((advisory) => advisory.id),
    );
  });

  it('puts every advisory on the archive page of the year it was first published, and only there', () => {
    const years = [...new Set(registry.advisories.map((advisory) => advisory.published.slice(0, 4)))].sort().reverse();
    expect(
      mainLinks(siteDir, 'advisories/')
        .filter(({ target }) => target.startsWith('advisories/archive/'))
        .map(({ target }) => target),
    ).toEqual(years.map((year) => `advisories/archive/${year}/`));
    for (const year of years) {
      expect(new Set(linkedIds(`advisories/archive/${year}/`, 'advisories')), year).toEqual(
        new Set(
          registry.advisories.filter((advisory) => advisory.published.startsWith(year)).map((advisory) => advisory.id),
        ),
      );
    }
  });
});

describe('/end-of-support/ on a registry of 800 release lines', () => {
  const announced = () =>
    registry.releaseLines.filter((line) => line.notice !== undefined && line.endOfSupport !== undefined);
  const noticeTitles = () =>
    mainTexts(siteDir, 'end-of-support/', (element) => element.name === 'h3' && 'id' in element.attribs);

  it('shows the 40 soonest upcoming and the 40 latest past dates in full, with the notice given', () => {
    const upcoming = announced()
      .filter((line) => line.endOfSupport! >= registry.buildDate)
      .sort((a, b) => a.endOfSupport!.localeCompare(b.endOfSupport!));
    const titles = noticeTitles();
    expect(titles).toHaveLength(80);
    expect(titles.slice(0, 40).map((title) => title.split(':')[0])).toEqual(
      upcoming.slice(0, 40).map((line) => `${line.productName} ${line.name}`),
    );
  });

  it('lists every announced date on the page of its year, exactly once', () => {
    const years = [...new Set(announced().map((line) => line.endOfSupport!.slice(0, 4)))].sort().reverse();
    const rows = years.flatMap((year) =>
      mainTexts(
        siteDir,
        `end-of-support/${year}/`,
        (element) => element.name === 'th' && element.attribs['scope'] === 'row',
      ),
    );
    expect(rows.sort()).toEqual(
      announced()
        .map((line) => `${line.productName} ${line.name}`)
        .sort(),
    );
  });
});

describe('every list page', () => {
  const listPages = ['', 'products/', 'end-of-support/', 'incidents/', 'advisories/'];

  it('stays under 300 KB of HTML', () => {
    const archives = mainLinks(siteDir, 'incidents/')
      .concat(mainLinks(siteDir, 'advisories/'), mainLinks(siteDir, 'end-of-support/'))
      .map(({ target }) => target)
      .filter((target) => /(archive\/|end-of-support\/)\d{4}\/$/.test(target));
    expect(archives.length).toBeGreaterThan(15);
    const heavy = [...listPages, ...archives]
      .map((page) => ({ page, bytes: statSync(pageFile(siteDir, page)).size }))
      .filter(({ bytes }) => bytes > 300_000);
    expect(heavy).toEqual([]);
  });

  it('appears in the sitemap', () => {
    const sitemap = readFileSync(path.join(siteDir, 'sitemap-0.xml'), 'utf8');
    for (const year of new Set(registry.incidents.map((incident) => yearOf(incident.started)))) {
      expect(sitemap).toContain(`/incidents/archive/${year}/</loc>`);
    }
    expect(existsSync(path.join(siteDir, 'incidents', 'archive', 'index.html'))).toBe(false);
  });
});

describe('the overview on a large registry', () => {
  it('shows at most 10 end-of-support dates of the next 12 months, and says how many there are', () => {
    const rows = mainTexts(siteDir, '', (element) => element.name === 'th' && element.attribs['scope'] === 'row');
    expect(rows).toHaveLength(10);
    const dates = mainTexts(
      siteDir,
      '',
      (element) => element.name === 'td' && findAll((child) => child.name === 'time', element.children).length > 0,
    );
    expect(dates).toHaveLength(10);
    for (const date of dates) expect(date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} \((ends today|ends in \d+ days?)\)$/);
    expect(mainTexts(siteDir, '', (element) => element.name === 'p')).toContainEqual(
      expect.stringMatching(/^The 10 soonest of \d+ release lines whose support ends in the next 12 months\.$/),
    );
  });
});

describe('the catalogue on a large registry', () => {
  it('sends the filter island no product data, only the categories and the count', () => {
    const html = readFileSync(pageFile(siteDir, 'products/'), 'utf8');
    const props = [...html.matchAll(/<astro-island[^>]* props="([^"]*)"/g)].map((match) => match[1]!);
    expect(props).toHaveLength(1);
    expect(props[0]).toContain('&quot;total&quot;:[0,100]');
    expect(registry.products.filter((product) => props[0]!.includes(product.name))).toEqual([]);
  });

  it('lists every product on one line with its status and summary, server-rendered, without release lines', () => {
    const lines = mainTexts(
      siteDir,
      'products/',
      (element) => element.name === 'li' && 'data-status' in element.attribs,
    );
    expect(lines.sort()).toEqual(
      registry.products
        .map(
          (product) =>
            `${product.name} ${{ supported: 'Supported', 'ending-soon': 'Ending soon', ended: 'No longer supported' }[product.status]}. ${product.summary}`,
        )
        .sort(),
    );
    expect(mainTexts(siteDir, 'products/', (element) => element.attribs['class'] === 'lines')).toEqual([]);
  });
});

describe('filtering a large catalogue in Chromium', () => {
  it('narrows the one-line list to the product whose CPE is typed, and says so', async () => {
    const server = await serveStatic(siteDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}products/`);
      const product = registry.products.filter((candidate) => candidate.identifiers.cpe !== undefined)[42]!;
      await page.getByLabel('Search products').fill(product.identifiers.cpe!);
      await expect
        .poll(() => page.locator('#catalogue-products li[data-status] > a').allInnerTexts())
        .toEqual([product.name]);
      expect(await page.getByRole('status').innerText()).toBe('1 of 100 products match');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('/code-of-practice/ on a registry of 100 products', () => {
  it('shows the first 20 pieces of evidence of a claim and points to the export for the rest', () => {
    const html = readFileSync(pageFile(siteDir, 'code-of-practice/'), 'utf8');
    const claim = assessCodeOfPractice(registry)
      .flatMap((principle) => principle.claims)
      .find((candidate) => candidate.id === '4.1.3')!;
    expect(claim.evidence).toHaveLength(100);
    const start = html.indexOf('id="claim-4.1.3"');
    const article = html.slice(start, html.indexOf('</article>', start));
    expect(article.match(/<li>/g)).toHaveLength(21);
    for (const evidence of claim.evidence.slice(0, 20)) expect(article).toContain(`href="${evidence.url}"`);
    expect(article).not.toContain(`href="${claim.evidence[20]!.url}"`);
    expect(article).toContain('and 80 more, listed in the <a href="/code-of-practice/self-assessment.json">');
  });
});

describe('searching an index in two parts', () => {
  const build = (out: string) => {
    const result = runBuild(['--content', contentDir, '--date', GENERATED_BUILD_DATE, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  };
  const partOf = (incident: Incident) =>
    searchPartOf(
      sitePath(registry.vendor, paths.incident(incident.id)),
      searchPartCount(searchDocumentCount(registry)),
    );
  const firstOfPart = (part: number) => registry.incidents.find((incident) => partOf(incident) === part)!;

  /** The titles of the results the search page shows for `query`, in the order shown. */
  async function searchResults(query: string): Promise<string[]> {
    const server = await serveWithNginx(siteDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await page.locator('.pagefind-ui__result-link').first().waitFor();
      return await page.locator('.pagefind-ui__result-link').allInnerTexts();
    } finally {
      await browser.close();
      await server.close();
    }
  }

  it('finds an incident of each part by its id on the search page', async () => {
    expect(searchPartCount(searchDocumentCount(registry))).toBe(2);
    for (const part of [0, 1]) {
      const incident = firstOfPart(part);
      expect((await searchResults(incident.id))[0]).toBe(incident.title);
    }
  });

  it('indexes again only the part of an edited incident, and equals a cold build', async () => {
    const incident = firstOfPart(1);
    const file = path.join(contentDir, 'incidents', `${incident.id}.md`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Quokka telemetry gap'));
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    expect(build(siteDir)).toContain('✔ 1 of 2 parts of the search index carried over: none of their pages changed');
    const cold = path.join(workDir, 'cold');
    build(cold);
    expect(siteFingerprint(siteDir)).toEqual(siteFingerprint(cold));
    expect(await searchResults('quokka')).toEqual(['Quokka telemetry gap']);
    expect((await searchResults(firstOfPart(0).id))[0]).toBe(firstOfPart(0).title);
  }, 400_000);
});

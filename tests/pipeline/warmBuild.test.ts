/**
 * A warm build (into the folder of the previous build, carrying over the pages whose inputs did
 * not change: src/pipeline/pageReuse.ts) writes the same site, byte for byte, as a cold build of
 * the same content, after each kind of edit an editor makes, and carries over every page it can:
 * the demo's 9 incident, 7 advisory and 7 product pages, less those the edit changes, and the
 * feeds and the search index the edit does not change.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentCacheDir } from '../../src/cli/cacheDir.ts';
import { recordedPageInputs } from '../../src/pipeline/pageReuse.ts';
import { siteFingerprint, DEMO_BUILD_DATE, ROOT, runBuild } from '../support/builtSite.ts';

/** Two full builds take 30–120 s on a shared two-core machine. */
const BUILD_TIMEOUT = 400_000;
const work = mkdtempSync(path.join(tmpdir(), 'trustline-warm-'));
const content = path.join(work, 'content');
const warm = path.join(work, 'warm');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(out: string, date: string) {
  const result = runBuild(['--content', content, '--date', date, '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Replaces one line of a content file, as an editor's change. */
function edit(file: string, from: string, to: string): void {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  expect(text).toContain(from);
  writeFileSync(full, text.replace(from, to));
}

/** Builds warm into the previous build's folder and cold into a new one, and compares them. */
function expectWarmEqualsCold(name: string, date = DEMO_BUILD_DATE): string {
  const warmOutput = build(warm, date);
  const cold = path.join(work, `cold-${name}`);
  build(cold, date);
  expect(siteFingerprint(warm)).toEqual(siteFingerprint(cold));
  rmSync(cold, { recursive: true, force: true });
  return warmOutput;
}

/**
 * Builds warm and cold as expectWarmEqualsCold does; returns the warm build's output, the pages
 * whose inputs it found changed (it rendered those and carried the others over), and the same of
 * the feeds and the search index (it wrote those and carried the others over).
 */
function pagesWithChangedInputs(name: string): { output: string; changed: string[]; changedOutputs: string[] } {
  // The tests run in ROOT, as the builds do (runBuild): the content's cache folder is the builds'.
  const recorded = (kind: 'pages' | 'outputs') => recordedPageInputs(contentCacheDir(content), warm, kind);
  const before = { pages: recorded('pages'), outputs: recorded('outputs') };
  expect(Object.keys(before.pages)).toHaveLength(23);
  // 5 topics and 7 products, each with a feed in 3 formats, and the search index in one part.
  expect(Object.keys(before.outputs)).toHaveLength(5 * 3 + 7 * 3 + 1);
  const output = expectWarmEqualsCold(name);
  const changedSince = (kind: 'pages' | 'outputs') => {
    const after = recorded(kind);
    return Object.keys(after)
      .filter((key) => after[key] !== before[kind][key])
      .sort();
  };
  return { output, changed: changedSince('pages'), changedOutputs: changedSince('outputs') };
}

const searchIndexCarriedOver = '✔ 1 of 1 parts of the search index carried over: none of their pages changed';

const carriedOver = (pages: number) => `✔ ${pages} pages with unchanged inputs carried over from the previous build`;

beforeAll(() => {
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  build(warm, DEMO_BUILD_DATE);
}, BUILD_TIMEOUT);

describe('a warm build equals a cold build byte for byte', () => {
  it(
    'carries over the pages of incidents, advisories and products when nothing was edited',
    () => {
      const output = expectWarmEqualsCold('unchanged');
      expect(output).toContain(carriedOver(23));
      expect(output).toContain(searchIndexCarriedOver);
    },
    BUILD_TIMEOUT,
  );

  it(
    "after an incident is edited (its product's page lists it)",
    () => {
      edit('incidents/INC-2026-0031.md', 'title: Backups to the Kestrel Vault', 'title: Backups to Kestrel Vault');
      const { output, changed, changedOutputs } = pagesWithChangedInputs('incident');
      expect(changed).toEqual(['incidents/INC-2026-0031/', 'products/vault-backup/']);
      expect(output).toContain(carriedOver(21));
      // The feeds that carry its updates, and the search index; the other 27 feeds are carried over.
      const formats = (feed: string) => ['atom', 'json', 'xml'].map((extension) => `${feed}.${extension}`);
      expect(changedOutputs).toEqual([
        ...formats('feeds/all'),
        ...formats('feeds/incidents'),
        'pagefind/',
        ...formats('products/vault-backup/feed'),
      ]);
      expect(output).not.toContain(searchIndexCarriedOver);
    },
    BUILD_TIMEOUT,
  );

  it(
    "renders again the page of the product an edited incident affects, and carries the other products' pages over",
    () => {
      const [from, to] = [
        'Scheduled reports not sent after upgrading',
        'Scheduled reports not delivered after upgrading',
      ];
      edit('incidents/INC-2026-0024.md', `title: ${from}`, `title: ${to}`);
      const { output, changed } = pagesWithChangedInputs('incident-of-a-product');
      // Only its own page and its product's: the six other products' pages are carried over.
      expect(changed).toEqual(['incidents/INC-2026-0024/', 'products/insight-server/']);
      expect(output).toContain(carriedOver(21));
      // The product's page shows the edit (warm equals cold: it was rendered, not carried over).
      const page = readFileSync(path.join(warm, 'products', 'insight-server', 'index.html'), 'utf8');
      expect(page).toContain(to);
      expect(page).not.toContain(from);
    },
    BUILD_TIMEOUT,
  );

  it(
    "after a product that another product's release lines name as their successor is renamed",
    () => {
      edit('products/identity-server.md', 'name: Kestrel Identity', 'name: Kestrel Identity Platform');
      const { output, changed } = pagesWithChangedInputs('successor');
      // Its page, its advisory's (which names it) and the page of the product it succeeds.
      expect(changed).toEqual([
        'advisories/KSA-2025-0014/',
        'products/directory-connector/',
        'products/identity-server/',
      ]);
      expect(output).toContain(carriedOver(20));
      expect(readFileSync(path.join(warm, 'products', 'directory-connector', 'index.html'), 'utf8')).toContain(
        'Kestrel Identity Platform 4.x',
      );
    },
    BUILD_TIMEOUT,
  );

  it(
    'after a product is renamed (its incidents and advisories name it)',
    () => {
      edit('products/edge-gateway.md', 'name: Kestrel Edge Gateway', 'name: Kestrel Edge Gateway Appliance');
      expectWarmEqualsCold('product');
    },
    BUILD_TIMEOUT,
  );

  it(
    'after an advisory is edited',
    () => {
      edit(
        'advisories/KSA-2026-0012.md',
        'title: Denial of service through malformed IKEv2 messages',
        'title: Denial of service by malformed IKEv2 messages',
      );
      expectWarmEqualsCold('advisory');
    },
    BUILD_TIMEOUT,
  );

  it(
    'after a policy is renamed (every page lists the policies)',
    () => {
      edit('policies/support-policy.md', 'title: Support and maintenance policy', 'title: Support policy');
      expectWarmEqualsCold('policy');
    },
    BUILD_TIMEOUT,
  );

  it(
    'after the vendor configuration is edited',
    () => {
      edit('vendor.yml', 'name: Kestrel Software', 'name: Kestrel Software Ltd');
      expectWarmEqualsCold('vendor');
    },
    BUILD_TIMEOUT,
  );

  it(
    'on the next day with nothing edited',
    () => {
      expectWarmEqualsCold('next-day', '2026-11-23');
    },
    BUILD_TIMEOUT,
  );
});

describe('a warm build that fails', () => {
  it(
    'leaves the previous site as it was, though it shares the files it carried over with it',
    () => {
      const before = siteFingerprint(warm);
      edit('incidents/INC-2026-0031.md', 'title: Backups to Kestrel Vault', 'title: Backups to the vault');
      const result = runBuild(['--content', content, '--date', '2026-11-23', '--out', warm], {
        TRUSTLINE_TEST_FAULT: 'before-publish',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('✖ build failed: fault injected by a test\nthe previous site is unchanged');
      expect(siteFingerprint(warm)).toEqual(before);
    },
    BUILD_TIMEOUT,
  );
});

describe('the site a build replaces', () => {
  it(
    'is deleted in the background once the new one is in place, and so is one whose deletion was stopped',
    async () => {
      const trash = path.join(ROOT, '.trustline', 'trash');
      const name = path.basename(work);
      // Left by a deletion the machine stopped; the build that replaced it (by the number its
      // name ends with, above any process id Linux gives) is long gone.
      const stopped = path.join(trash, `${name}-stopped-4194305`);
      mkdirSync(path.join(stopped, 'incidents'), { recursive: true });
      writeFileSync(path.join(stopped, 'incidents', 'index.html'), '<!doctype html>');
      const out = path.join(work, name);
      cpSync(warm, out, { recursive: true });
      build(out, DEMO_BUILD_DATE);
      const published = siteFingerprint(out);
      const inTrash = () =>
        existsSync(trash) ? readdirSync(trash).filter((entry) => entry.startsWith(`${name}-`)) : [];
      for (let waited = 0; inTrash().length > 0 && waited < 60_000; waited += 200) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(inTrash()).toEqual([]);
      // The new site shares the files it carried over with the one deleted: they are still whole.
      expect(siteFingerprint(out)).toEqual(published);
    },
    BUILD_TIMEOUT,
  );
});

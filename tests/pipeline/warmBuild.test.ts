/**
 * A warm build (into the folder of the previous build, carrying over the pages whose inputs did
 * not change: src/pipeline/pageReuse.ts) writes the same site, byte for byte, as a cold build of
 * the same content, after each kind of edit an editor makes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(() => {
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  build(warm, DEMO_BUILD_DATE);
}, BUILD_TIMEOUT);

describe('a warm build equals a cold build byte for byte', () => {
  it(
    'carries over the pages of incidents and advisories when nothing was edited',
    () => {
      expect(expectWarmEqualsCold('unchanged')).toContain(
        '✔ 16 pages with unchanged inputs carried over from the previous build',
      );
    },
    BUILD_TIMEOUT,
  );

  it(
    'after an incident is edited',
    () => {
      edit('incidents/INC-2026-0031.md', 'title: Backups to the Kestrel Vault', 'title: Backups to Kestrel Vault');
      expect(expectWarmEqualsCold('incident')).toContain(
        '✔ 15 pages with unchanged inputs carried over from the previous build',
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

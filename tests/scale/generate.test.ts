/**
 * The generator's registries are valid by the project's own rules at the pinned build date, and
 * they are a pure function of size and seed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_BUILD_DATE, SIZES, syntheticContentFiles } from '../../src/cli/generate/syntheticRegistry.ts';
import { DEMO_CONTENT_DIR, writeContentFolder } from '../../src/cli/generate/writeContentFolder.ts';
import { checkContent } from '../../src/registry/loadRegistry.ts';

const SMALL = { products: 7, releaseLines: 20, incidents: 9, advisories: 7 };
const folders: string[] = [];

function writeSynthetic(size: typeof SMALL, seed: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-scale-'));
  folders.push(dir);
  for (const [relative, text] of syntheticContentFiles(size, seed, DEMO_CONTENT_DIR)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}

const errorsOf = (contentDir: string) =>
  checkContent({ contentDir, buildDate: GENERATED_BUILD_DATE }).problems.filter(
    (problem) => problem.severity === 'error',
  );

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('npm run generate', () => {
  it('writes a small registry (the size of the demo) that check accepts with no errors', () => {
    expect(errorsOf(writeSynthetic(SMALL, 1))).toEqual([]);
  });

  it('writes an M registry (100 products, 800 release lines, 1,000 incidents, 300 advisories) that check accepts with no errors', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-scale-'));
    folders.push(dir);
    writeContentFolder('M', 7, dir);
    const result = checkContent({ contentDir: dir, buildDate: GENERATED_BUILD_DATE });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const registry = result.registry!;
    expect([
      registry.products.length,
      registry.releaseLines.length,
      registry.incidents.length,
      registry.advisories.length,
    ]).toEqual([SIZES.M.products, SIZES.M.releaseLines, SIZES.M.incidents, SIZES.M.advisories]);
  }, 120_000);

  it('gives release lines in every phase, extended notices, post-incident reports and both CVSS versions', () => {
    const registry = checkContent({ contentDir: writeSynthetic(SMALL, 1), buildDate: GENERATED_BUILD_DATE }).registry!;
    const phases = new Set(
      registry.releaseLines.map((line) =>
        line.status.state === 'ended'
          ? 'ended'
          : line.endOfSupport === undefined && line.status.phase?.level.id !== 'full'
            ? 'to be announced'
            : line.status.phase?.level.id,
      ),
    );
    expect([...phases].sort()).toEqual(['ended', 'extended', 'full', 'maintenance', 'to be announced']);
    const noticeKinds = registry.releaseLines.flatMap((line) => line.notice?.events.map((event) => event.kind) ?? []);
    expect(noticeKinds).toContain('extended');
    expect(registry.incidents.some((incident) => incident.postIncidentReport !== undefined)).toBe(true);
    const versions = new Set(registry.advisories.map((advisory) => advisory.cvss.vector.slice(0, 8)));
    expect([...versions].sort()).toEqual(['CVSS:3.1', 'CVSS:4.0']);
  });

  it('writes the same bytes for the same seed', () => {
    expect([...syntheticContentFiles(SMALL, 42, DEMO_CONTENT_DIR)]).toEqual([
      ...syntheticContentFiles(SMALL, 42, DEMO_CONTENT_DIR),
    ]);
  });

  it('writes a different registry for a different seed', () => {
    const first = syntheticContentFiles(SMALL, 1, DEMO_CONTENT_DIR);
    const second = syntheticContentFiles(SMALL, 2, DEMO_CONTENT_DIR);
    const products = (files: Map<string, string>) =>
      [...files].filter(([file]) => file.startsWith('products/')).map(([, text]) => text);
    expect(products(first)).not.toEqual(products(second));
  });
});

/**
 * Moving the machine-readable files in beside Astro's pages (src/pipeline/writeMachineFiles.ts):
 * every file arrives at its own path, a folder the pages lack moves whole, and a file at a page's
 * path stops the build rather than overwrite the page.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveInto } from '../../src/pipeline/writeMachineFiles.ts';

let root: string;
let machine: string;
let site: string;

function write(dir: string, relativePath: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, relativePath)), { recursive: true });
  writeFileSync(path.join(dir, relativePath), text);
}

const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'trustline-move-'));
  machine = path.join(root, 'machine');
  site = path.join(root, 'site');
  write(site, 'index.html', 'home');
  write(site, 'products/edge/index.html', 'edge page');
  write(machine, 'products/edge/feed.xml', 'edge feed');
  write(machine, 'api/v1/products.json', '[]');
  write(machine, 'pagefind/fragment/a.pf_fragment', 'a');
  write(machine, 'pagefind/pagefind.js', 'js');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('moving the machine-readable files in beside the pages', () => {
  it('puts every file at its own path, beside the pages, and moves a folder the pages lack whole', () => {
    const searchIndex = statSync(path.join(machine, 'pagefind')).ino;
    moveInto(machine, site);
    expect(filesOf(site)).toEqual([
      'api/v1/products.json',
      'index.html',
      'pagefind/fragment/a.pf_fragment',
      'pagefind/pagefind.js',
      'products/edge/feed.xml',
      'products/edge/index.html',
    ]);
    expect(readFileSync(path.join(site, 'products/edge/feed.xml'), 'utf8')).toBe('edge feed');
    expect(statSync(path.join(site, 'pagefind')).ino).toBe(searchIndex);
    expect(filesOf(machine)).toEqual([]);
  });

  it('refuses a file at a page’s path, naming it, and leaves the page as Astro wrote it', () => {
    write(machine, 'products/edge/index.html', 'not a page');
    expect(() => moveInto(machine, site)).toThrow(
      'products/edge/index.html is both a page and a machine-readable file; give one another path',
    );
    expect(readFileSync(path.join(site, 'products/edge/index.html'), 'utf8')).toBe('edge page');
  });
});

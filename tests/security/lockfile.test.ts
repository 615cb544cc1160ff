import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/builtSite.ts';

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lockfile = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Where npm would look for `name` when `from` requires it: its own node_modules, then each parent's. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (lockfile.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (base === '') return false;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

describe('the committed lockfile', () => {
  it('lists every platform binary a locked package may need, so npm ci installs it on any machine', () => {
    const missing = Object.entries(lockfile.packages).flatMap(([location, locked]) =>
      Object.keys(locked.optionalDependencies ?? {})
        .filter((name) => !resolves(location, name))
        .map((name) => `${location || 'the project'} needs ${name}`),
    );
    expect(missing).toEqual([]);
  });
});

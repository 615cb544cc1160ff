/**
 * The branded fixture (tests/fixtures/branded): a portal's content/ and public/ side by side,
 * copied to a temporary folder (outside git, as a new vendor's trial) so a test may change it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './builtSite.ts';

export const BRANDED_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'branded');

export interface BrandedPortal {
  /** The portal's folder, holding content/ and public/. */
  readonly dir: string;
  readonly contentDir: string;
  /** Changes fields of vendor.yml; `undefined` removes one. */
  changeVendor(change: (vendor: Record<string, unknown>) => void): void;
  write(relativePath: string, text: string): void;
  cleanup(): void;
}

export function copyBrandedPortal(): BrandedPortal {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustline-branded-'));
  cpSync(path.join(BRANDED_FIXTURE, 'content'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(BRANDED_FIXTURE, 'public'), path.join(dir, 'public'), { recursive: true });
  const contentDir = path.join(dir, 'content');
  const vendorFile = path.join(contentDir, 'vendor.yml');
  return {
    dir,
    contentDir,
    changeVendor(change) {
      const vendor = parse(readFileSync(vendorFile, 'utf8')) as Record<string, unknown>;
      change(vendor);
      writeFileSync(vendorFile, stringify(vendor));
    },
    write(relativePath, text) {
      writeFileSync(path.join(dir, relativePath), text);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

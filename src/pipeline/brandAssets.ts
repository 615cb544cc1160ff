/**
 * The logo and favicon vendor.yml names are files of the portal's public/ folder, beside content/
 * (src/registry/rules/brandAssets.ts). The site serves them at the same path: the build copies
 * each one in that Astro has not already copied from its own public folder.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { VendorData } from '../registry/schema/vendor.ts';

/** The brand's files, as paths inside public/ (and inside the site). */
export function brandAssets(vendor: VendorData): string[] {
  const { logo, favicon } = vendor.brand ?? {};
  return [...new Set([logo, favicon].filter((file) => file !== undefined))];
}

export function copyBrandAssets(files: readonly string[], publicDir: string, siteDir: string): void {
  for (const file of files) {
    const target = path.join(siteDir, file);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(publicDir, file), target);
  }
}

/**
 * The vendor profile read on its own, for tools that need the site URL and base path before
 * the Registry exists (the Astro config). Invalid content is reported by `check`, which runs
 * first; here a broken file falls back to nothing rather than a second, different message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { vendorSchema, type Vendor } from './schema/vendor.ts';

export function readVendorConfig(contentDir: string): Vendor | undefined {
  try {
    const result = vendorSchema.safeParse(parse(readFileSync(path.join(contentDir, 'vendor.yml'), 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

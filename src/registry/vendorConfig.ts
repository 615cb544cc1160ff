/**
 * The vendor profile (and the list of withdrawn pages) read on their own, for tools that need the
 * site URL, base path and sitemap before the Registry exists (the Astro config). Invalid content
 * is reported by `check`, which runs first; here a broken file falls back to nothing rather than
 * a second, different message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { vendorSchema, type VendorData } from './schema/vendor.ts';
import { withdrawnSchema, type WithdrawalData } from './schema/withdrawn.ts';

export function readVendorConfig(contentDir: string): VendorData | undefined {
  try {
    const result = vendorSchema.safeParse(parse(readFileSync(path.join(contentDir, 'vendor.yml'), 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** content/withdrawn.yml's entries; none when the file is absent (it is optional) or invalid. */
export function readWithdrawals(contentDir: string): WithdrawalData[] {
  try {
    const result = withdrawnSchema.safeParse(parse(readFileSync(path.join(contentDir, 'withdrawn.yml'), 'utf8')));
    return result.success ? result.data.withdrawn : [];
  } catch {
    return [];
  }
}

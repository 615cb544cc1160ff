/**
 * The logo and favicon named in vendor.yml are files of the portal's public/ folder, beside
 * content/, of the type their name says: a missing or mistyped file would publish a broken image.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { messageCatalogue } from '../problems.ts';
import { brandImageType } from '../schema/brand.ts';
import { parsed, reportAt, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  brandFileMissing: (shown: string, field: string) =>
    `${shown} does not exist: put the ${field} in the public/ folder beside content/, or correct the path`,
  brandFileWrongType: (shown: string, problem: string) => `${shown} ${problem}: save it as a real SVG or PNG file`,
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What is wrong with the file's bytes for its type, if anything. */
function wrongContent(bytes: Buffer, file: string): string | undefined {
  if (brandImageType(file) === 'png') {
    return bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)
      ? undefined
      : 'is not a PNG image (it does not start with the PNG signature)';
  }
  return /<svg[\s>]/.test(bytes.toString('utf8')) ? undefined : 'is not an SVG image (it has no <svg> element)';
}

export function checkBrandAssets(documents: ParsedDocuments, context: RuleContext): void {
  const vendor = documents.vendor;
  if (!vendor) return;
  for (const field of ['logo', 'favicon'] as const) {
    if (!parsed(vendor, ['brand', field])) continue;
    const file = vendor.data.brand?.[field];
    if (file === undefined) continue;
    const shown = `${context.publicDirLabel}/${file}`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(context.publicDir, file));
    } catch {
      reportAt(context, 'error', vendor, ['brand', field], messages.brandFileMissing(shown, field));
      continue;
    }
    const problem = wrongContent(bytes, file);
    if (problem) {
      reportAt(context, 'error', vendor, ['brand', field], messages.brandFileWrongType(shown, problem));
    }
  }
}

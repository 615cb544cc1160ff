/** Writes a generated registry to disk: the one I/O edge of the generator. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoContentFiles, SIZES, syntheticContentFiles, type SizeName } from './syntheticRegistry.ts';

export const DEMO_CONTENT_DIR = path.resolve(import.meta.dirname, '../../../content');

export function contentFilesFor(size: SizeName, seed: number): Map<string, string> {
  return size === 'S' ? demoContentFiles(DEMO_CONTENT_DIR) : syntheticContentFiles(SIZES[size], seed, DEMO_CONTENT_DIR);
}

/** Returns how many files were written. */
export function writeContentFolder(size: SizeName, seed: number, outDir: string): number {
  const files = contentFilesFor(size, seed);
  const folders = new Set<string>();
  for (const [relative, text] of files) {
    const folder = path.dirname(path.join(outDir, relative));
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(path.join(outDir, relative), text);
  }
  return files.size;
}

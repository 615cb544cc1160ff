/**
 * The build writes the site's machine-readable files (src/outputs/machineFiles.ts) itself, into
 * a folder of their own while Astro renders the pages (src/pipeline/filesStep.ts), then moves them in
 * beside the pages. Through Astro each of these ~12,000 files (L registry) cost a route, a
 * Request, a Response and an awaited write; written here they cost their bytes.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { machineFiles } from '../outputs/machineFiles.ts';
import type { Registry } from '../registry/types.ts';
import { sha256 } from '../registry/fingerprint.ts';
import { carriedOutput, carryFile, outputFingerprint, sameInPrevious } from './pageReuse.ts';

/** A machine file's path and content type, for the host headers (src/pipeline/hostHeaders.ts). */
export interface WrittenFile {
  readonly path: string;
  readonly contentType: string;
}

/** Writes every machine file under `dir`; returns their paths and content types. */
export async function writeMachineFiles(registry: Registry, dir: string): Promise<WrittenFile[]> {
  const files = await machineFiles(registry);
  // A feed's three formats, listed one after another, share one description: serialised and
  // hashed once (at L, 58 MB of descriptions, which were hashed again for each format).
  let last = { inputs: undefined as unknown, digest: '' };
  const descriptionDigest = (inputs: unknown) => {
    if (last.inputs !== inputs) last = { inputs, digest: sha256(JSON.stringify(inputs)) };
    return last.digest;
  };
  const folders = new Set<string>();
  for (const file of files) {
    const target = path.join(dir, file.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    // A file made from the same inputs as the previous site's is carried over (src/pipeline/pageReuse.ts).
    const fingerprint = file.inputs && outputFingerprint([file.path, descriptionDigest(file.inputs())]);
    const carried = fingerprint && carriedOutput(file.path, fingerprint);
    if (carried) {
      carryFile(carried, target);
      continue;
    }
    // A file that comes out the same as the previous site's is shared with it, not written again.
    const body = await file.render();
    const same = sameInPrevious(file.path, body);
    if (same) carryFile(same, target);
    else writeFileSync(target, body);
  }
  return files.map(({ path: filePath, contentType }) => ({ path: filePath, contentType }));
}

/**
 * Moves every file of `from` into the same place under `into` (renames: same file system): a
 * folder that `into` lacks goes whole, in one rename (the search index's 14,000 files at L), and
 * only folders both hold are entered. A file that Astro also wrote is a mistake in the site's
 * routes, never silently overwritten.
 */
export function moveInto(from: string, into: string, root = from): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(into, entry.name);
    const existing = lstatSync(target, { throwIfNoEntry: false });
    if (!existing) renameSync(source, target);
    else if (entry.isDirectory() && existing.isDirectory()) moveInto(source, target, root);
    else {
      throw new Error(
        `${path.relative(root, source)} is both a page and a machine-readable file; give one another path`,
      );
    }
  }
}

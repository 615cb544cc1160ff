/**
 * Atomic output (DESIGN principle 2): a build renders into a staging folder beside the output
 * folder and, only when everything succeeded, swaps it in with renames on the same file system.
 * A failed or killed build leaves the previous site exactly as it was; its leftovers are removed
 * by the next build.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const stagingPrefix = (outDir: string) => `.${path.basename(outDir)}.staging-`;

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `${stagingPrefix(outDir)}${process.pid}`);
}

/** Removes what killed builds left behind (their staging and swap folders). */
export function removeStaleStaging(outDir: string): void {
  const parent = path.dirname(outDir);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(stagingPrefix(outDir))) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

/** Replaces `outDir` with `stagingDir`; the old site is deleted only once the new one is in place. */
export function publishStaging(stagingDir: string, outDir: string): void {
  const previousDir = `${stagingDir}.previous`;
  if (existsSync(outDir)) renameSync(outDir, previousDir);
  renameSync(stagingDir, outDir);
  rmSync(previousDir, { recursive: true, force: true });
}

/**
 * Atomic output (docs/architecture.md, "Fail closed"): a build renders into a staging folder and, only when
 * everything succeeded, swaps it in with renames beside the output folder. A failed or killed
 * build leaves the previous site exactly as it was; its leftovers are removed by a later build.
 *
 * Astro resolves the packages of its prerendering bundle from the project, so rendering always
 * happens inside the project (and then beside the output when that is in the project too). An
 * output folder elsewhere gets the finished site moved — or, across file systems, copied — next
 * to it first; the swap itself is always a rename in the output's own folder.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const besidePrefix = (outDir: string) => `.${path.basename(outDir)}.staging-`;
const projectStaging = (projectRoot: string) => path.join(projectRoot, '.trustline', 'staging');
const besideDir = (outDir: string) => path.join(path.dirname(outDir), `${besidePrefix(outDir)}${process.pid}`);

const isInside = (dir: string, parent: string) => !path.relative(parent, dir).startsWith('..');

export function stagingDirFor(outDir: string, projectRoot: string): string {
  return isInside(outDir, projectRoot)
    ? besideDir(outDir)
    : path.join(projectStaging(projectRoot), `${path.basename(outDir)}-${process.pid}`);
}

/** Where the build writes the machine-readable files before they join the pages (writeMachineFiles.ts). */
export const machineFilesDirFor = (stagingDir: string): string => `${stagingDir}.files`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes what killed builds left behind (never the folders of a build still running). */
export function removeStaleStaging(outDir: string, projectRoot: string): void {
  const sweep = (dir: string, matches: (entry: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const pid = Number(/-(\d+)(?:\.previous|\.files)?$/.exec(entry)?.[1]);
      if (matches(entry) && pid && !isRunning(pid)) rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  };
  sweep(path.dirname(outDir), (entry) => entry.startsWith(besidePrefix(outDir)));
  sweep(projectStaging(projectRoot), () => true);
}

/** Replaces `outDir` with `stagingDir`; the old site is deleted only once the new one is in place. */
export function publishStaging(stagingDir: string, outDir: string): void {
  let ready = stagingDir;
  if (path.dirname(stagingDir) !== path.dirname(outDir)) {
    ready = besideDir(outDir);
    try {
      renameSync(stagingDir, ready);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      cpSync(stagingDir, ready, { recursive: true });
      rmSync(stagingDir, { recursive: true, force: true });
    }
  }
  const previousDir = `${ready}.previous`;
  if (existsSync(outDir)) renameSync(outDir, previousDir);
  renameSync(ready, outDir);
  rmSync(previousDir, { recursive: true, force: true });
}

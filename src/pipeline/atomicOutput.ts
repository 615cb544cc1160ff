/**
 * Atomic output (docs/architecture.md, "Fail closed"): a build renders into a staging folder and, only when
 * everything succeeded, swaps it in with renames beside the output folder. A failed or killed
 * build leaves the previous site exactly as it was; its leftovers are removed by a later build.
 *
 * Astro resolves the packages of its prerendering bundle from the project, so rendering always
 * happens inside the project (and then beside the output when that is in the project too). An
 * output folder elsewhere gets the finished site moved — or, across file systems, copied — next
 * to it first; the swap itself is always a rename in the output's own folder.
 *
 * The site replaced by the swap is moved into the project's .trustline/trash/ and deleted there by
 * a process of its own at the lowest priority, which the build does not wait for: deleting an L
 * site's 42,000 files took 4.7 s at the end of a build, and slowed the next build's check by
 * about a second when that build deleted them meanwhile (docs/benchmarks.md). What it leaves (the
 * machine stopped first) is deleted the same way by the next build.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';

const besidePrefix = (outDir: string) => `.${path.basename(outDir)}.staging-`;
const projectStaging = (projectRoot: string) => path.join(projectRoot, '.trustline', 'staging');
const trash = (projectRoot: string) => path.join(projectRoot, '.trustline', 'trash');
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

/** The entries of `dir` that `matches` accepts and that no running build owns (by the pid that ends their name). */
function leftovers(dir: string, matches: (entry: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => {
      const pid = Number(/-(\d+)(?:\.previous|\.files)?$/.exec(entry)?.[1]);
      return matches(entry) && pid && !isRunning(pid);
    })
    .map((entry) => path.join(dir, entry));
}

/**
 * Removes what killed builds left behind (never the folders of a build still running), and has
 * any site that earlier builds replaced and that is still in the trash deleted in the background.
 */
export function removeStaleStaging(outDir: string, projectRoot: string): void {
  for (const dir of [
    ...leftovers(path.dirname(outDir), (entry) => entry.startsWith(besidePrefix(outDir))),
    ...leftovers(projectStaging(projectRoot), () => true),
  ])
    rmSync(dir, { recursive: true, force: true });
  deleteInBackground(leftovers(trash(projectRoot), () => true));
}

const DELETE =
  "for (const dir of process.argv.slice(1)) require('node:fs').rmSync(dir, { recursive: true, force: true });";

/**
 * Deletes `dirs` in a process of its own, detached from the build and at the lowest CPU (and so
 * I/O) priority: it takes what the machine has to spare, and may go on after the build has
 * ended. Whatever it cannot delete, the next build hands to another.
 */
function deleteInBackground(dirs: readonly string[]): void {
  if (dirs.length === 0) return;
  const deleter = spawn(process.execPath, ['-e', DELETE, ...dirs], {
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
  });
  deleter.on('error', () => undefined);
  deleter.unref();
  try {
    if (deleter.pid !== undefined) setPriority(deleter.pid, 19);
  } catch {
    // Already done, or not allowed here: it deletes at the build's priority.
  }
}

/** Replaces `outDir` with `stagingDir`; the old site goes to the trash only once the new one is in place. */
export function publishStaging(stagingDir: string, outDir: string, projectRoot: string): void {
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
  if (!existsSync(previousDir)) return;
  mkdirSync(trash(projectRoot), { recursive: true });
  let replaced = path.join(trash(projectRoot), `${path.basename(outDir)}-${process.pid}`);
  try {
    renameSync(previousDir, replaced);
  } catch {
    // On another file system than the project: deleted where it is (a later build removes what
    // is left of it there, by its name).
    replaced = previousDir;
  }
  deleteInBackground([replaced]);
}

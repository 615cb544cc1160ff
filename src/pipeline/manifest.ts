/**
 * /build-manifest.json: every published file with its size and SHA-256, the build date, the
 * content commit and the engine version that built them, so a customer can check that a mirror
 * serves exactly what was built — and so tests can prove two builds are byte-identical
 * (docs/architecture.md, "The content files are the database").
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_VERSION } from '../cli/projectPaths.ts';

export const MANIFEST_FILE = 'build-manifest.json';

export interface BuildManifest {
  manifestVersion: 1;
  buildDate: string;
  buildTime: string;
  /** The version of the trustline package that built the site: the only thing an upgrade alone changes. */
  engineVersion: string;
  /** The git commit of the content, or null outside git; `contentModified` when the work tree differs. */
  contentCommit: string | null;
  contentModified: boolean;
  files: { path: string; size: number; sha256: string }[];
}

/** Every file below `dir`, as sorted POSIX paths relative to it (code-point order, not locale). */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function contentRevision(contentDir: string): { commit: string | null; modified: boolean } {
  // The last commit that changed the content, not HEAD: commits to the code do not change it.
  const head = spawnSync('git', ['log', '-1', '--format=%H', '--', '.'], { cwd: contentDir, encoding: 'utf8' });
  if (head.status !== 0 || head.stdout.trim() === '') return { commit: null, modified: false };
  const status = spawnSync('git', ['status', '--porcelain', '--', '.'], { cwd: contentDir, encoding: 'utf8' });
  return { commit: head.stdout.trim(), modified: status.stdout.trim() !== '' };
}

export function buildManifest(
  siteDir: string,
  build: { buildDate: string; buildTime: string; contentDir: string },
): BuildManifest {
  const revision = contentRevision(build.contentDir);
  return {
    manifestVersion: 1,
    buildDate: build.buildDate,
    buildTime: build.buildTime,
    engineVersion: ENGINE_VERSION,
    contentCommit: revision.commit,
    contentModified: revision.modified,
    files: listFiles(siteDir)
      .filter((file) => file !== MANIFEST_FILE)
      .map((file) => {
        const bytes = readFileSync(path.join(siteDir, file));
        return { path: file, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      }),
  };
}

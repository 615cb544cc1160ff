/**
 * /build-manifest.json: every published file with its size and SHA-256, the build date, the
 * content commit and the engine version that built them, so a customer can check that a mirror
 * serves exactly what was built — and so tests can prove two builds are byte-identical
 * (docs/architecture.md, "The content files are the database").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_VERSION } from '../cli/projectPaths.ts';
import { sha256 } from '../registry/fingerprint.ts';

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

/**
 * The size and SHA-256 of each file this site shares with the previous site in `previousDir` (the
 * same file, hard-linked: src/pipeline/pageReuse.ts), from the previous manifest, so that they are
 * not read again. A file changed since that manifest was written is read again.
 */
function sharedFiles(siteDir: string, previousDir: string | undefined) {
  const manifestFile = previousDir === undefined ? undefined : path.join(previousDir, MANIFEST_FILE);
  if (manifestFile === undefined || !existsSync(manifestFile)) return () => undefined;
  const written = statSync(manifestFile).mtimeMs;
  const recorded = new Map(
    (JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest).files.map((file) => [file.path, file]),
  );
  return (file: string) => {
    const entry = recorded.get(file);
    if (!entry) return undefined;
    const here = statSync(path.join(siteDir, file));
    const there = statSync(path.join(previousDir!, file), { throwIfNoEntry: false });
    const same = there && here.ino === there.ino && here.dev === there.dev && here.mtimeMs <= written;
    return same && here.size === entry.size ? entry : undefined;
  };
}

export function buildManifest(
  siteDir: string,
  build: { buildDate: string; buildTime: string; contentDir: string },
  previousDir?: string,
): BuildManifest {
  const revision = contentRevision(build.contentDir);
  const shared = sharedFiles(siteDir, previousDir);
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
        const recorded = shared(file);
        if (recorded) return { path: file, size: recorded.size, sha256: recorded.sha256 };
        const bytes = readFileSync(path.join(siteDir, file));
        return { path: file, size: bytes.length, sha256: sha256(bytes) };
      }),
  };
}

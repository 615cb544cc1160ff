/**
 * The demo site, built once per test run by the real build (scripts/build.ts) at the pinned
 * build date, for tests that read the output or drive it in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/pipeline/manifest.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DEMO_BUILD_DATE = '2026-11-22';
export const DEMO_SITE_DIR = path.join(ROOT, '.trustline', 'test-site');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a build as on an editor's machine, also when the tests run in CI (unless
 * `env` says otherwise): the demo is a fixture, not a publication, and this repository's own
 * clone may be shallow, where a CI build stops (src/registry/rules/history.ts).
 */
export const editorEnvironment = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  CI: '',
  GITHUB_ACTIONS: '',
  ...env,
});

/** Runs the real build command (see editorEnvironment); returns its exit status and output. */
export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}): BuildResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.ts'), ...args], {
    cwd: ROOT,
    env: editorEnvironment(env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of an output folder with its SHA-256, for comparing two builds byte for byte. */
export const siteFingerprint = (dir: string): string[] =>
  listFiles(dir).map(
    (file) =>
      `${file} ${createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex')}`,
  );

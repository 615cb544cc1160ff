/**
 * The `trustline` command (bin/trustline.js) starts each command's process with its options: a
 * young generation of 32 MB in every process and thread (docs/benchmarks.md, "Rebuild figures,
 * 3 December 2026 (day)", row 42), set before the caller's own NODE_OPTIONS so that theirs win.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { editorEnvironment, ROOT } from '../support/builtSite.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('starts a command with young generations of 32 MB, and the caller’s own Node options after them', () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trustline-command-'));
  const seen = path.join(dir, 'seen.json');
  // Preloaded by the caller's NODE_OPTIONS into the command's process (not into bin/trustline.js
  // itself): it fills the young generation, as any real work does, and writes down what the
  // process was given.
  const probe = path.join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    `const { isMainThread } = require('node:worker_threads');
if (isMainThread && !process.argv[1].endsWith('trustline.js') && !require('node:fs').existsSync(${JSON.stringify(seen)})) {
  let kept = [];
  for (let i = 0; i < 3e6; i++) { kept.push({ i, text: 'item ' + i }); if (kept.length > 200000) kept = []; }
  const young = require('node:v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({
    options: process.env.NODE_OPTIONS,
    youngMiB: young.space_size / 1048576,
  }));
}
`,
  );
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'trustline.js'), 'check', '--content', 'content', '--date', '2026-11-22'],
    { cwd: ROOT, encoding: 'utf8', env: editorEnvironment({ NODE_OPTIONS: `--require=${probe}` }) },
  );
  expect(result.status, result.stderr).toBe(0);
  const { options, youngMiB } = JSON.parse(readFileSync(seen, 'utf8')) as { options: string; youngMiB: number };
  expect(options.split(' ').slice(0, 2)).toEqual(['--max-semi-space-size=16', `--require=${probe}`]);
  expect(youngMiB).toBeLessThanOrEqual(32);
});

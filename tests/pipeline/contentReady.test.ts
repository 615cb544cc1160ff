/**
 * Astro starts while the check and the ingestion run, and renders only once the build says the
 * content is ready (src/pipeline/contentReady.ts): never before, and not at all when the build
 * stops first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { astroCli } from '../../src/cli/projectPaths.ts';
import { AWAIT_CONTENT, signalContentReady } from '../../src/pipeline/contentReady.ts';
import { ROOT } from '../support/builtSite.ts';

const work = mkdtempSync(path.join(tmpdir(), 'trustline-ready-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const waiter = `
const { contentReady } = await import(${JSON.stringify(path.join(ROOT, 'src', 'pipeline', 'contentReady.ts'))});
contentReady().then(() => console.log('rendering'), (error) => { console.log(error.message); process.exitCode = 1; });
`;

/** A process that waits as Astro does, and what it printed and its exit code once it ends. */
function startWaiter(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', waiter], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: () => output, ended };
}

describe('waiting for the content', () => {
  it('goes on only once the build says the content is ready', async () => {
    const waiting = startWaiter({ [AWAIT_CONTENT]: '1' });
    await sleep(500);
    expect(waiting.output()).toBe('');
    signalContentReady(waiting.child.stdin);
    expect(await waiting.ended).toBe(0);
    expect(waiting.output()).toBe('rendering\n');
  });

  it('stops when the build stops before the content is ready', async () => {
    const waiting = startWaiter({ [AWAIT_CONTENT]: '1' });
    waiting.child.stdin.end();
    expect(await waiting.ended).toBe(1);
    expect(waiting.output()).toBe('the build stopped before the content was ready\n');
  });

  it('does not wait when nothing started it early (astro dev, astro build by hand)', async () => {
    const waiting = startWaiter({ [AWAIT_CONTENT]: undefined });
    expect(await waiting.ended).toBe(0);
    expect(waiting.output()).toBe('rendering\n');
  });

  it('holds Astro back before its first page: a build that stops leaves no page', async () => {
    const outDir = path.join(work, 'site');
    const astro = spawn(process.execPath, [astroCli(), 'build', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, [AWAIT_CONTENT]: '1', TRUSTLINE_OUT_DIR: outDir, NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    astro.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    astro.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    astro.stdin.end();
    const status = await new Promise<number | null>((resolve) => astro.on('close', resolve));
    expect(status).toBe(1);
    expect(output).toContain('the build stopped before the content was ready');
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  }, 120_000);
});

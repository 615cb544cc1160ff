/**
 * npm run new -- <kind> in a terminal: the real command in a real pseudo-terminal (util-linux
 * `script`), answered keystroke by keystroke as an editor would, in a temporary copy of the demo
 * content. Each file it writes passes the real check; Ctrl-C writes nothing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { splitFrontMatter } from '../../src/registry/source/frontMatter.ts';
import { DEMO_BUILD_DATE, ROOT } from '../support/builtSite.ts';

const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';
const CTRL_C = '\x03';
/** Clears a prompt's suggested answer. */
const CLEAR = '\x7f'.repeat(40);

/** A terminal running one command; `answer` waits for a prompt, then types. */
class Terminal {
  private readonly child: ChildProcessWithoutNullStreams;
  private output = '';
  private seen = 0;
  readonly exitCode: Promise<number | null>;

  constructor(args: string[]) {
    const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
    // A pseudo-terminal starts with no size; give it a usual one, as a terminal window would.
    const command = `stty cols 100 rows 40; ${[process.execPath, path.join(ROOT, 'scripts', 'new.ts'), ...args].map(quote).join(' ')}`;
    this.child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '', TERM: 'xterm-256color' },
    });
    this.child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exitCode = new Promise((resolve) => this.child.on('exit', resolve));
  }

  /** The screen's text so far, without colours and cursor movements. */
  get text(): string {
    return this.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  }

  /** Waits for the prompt (after the previous one), then sends the keys. */
  async answer(prompt: string, keys: string): Promise<void> {
    const marker = `◆  ${prompt}`;
    const deadline = Date.now() + 60_000;
    while (!this.text.includes(marker, this.seen)) {
      if (Date.now() > deadline) throw new Error(`no prompt "${prompt}" in:\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    this.seen = this.text.indexOf(marker, this.seen) + marker.length;
    this.child.stdin.write(keys);
  }
}

let contentDir: string;
beforeEach(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'trustline-prompts-'));
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
});
afterEach(() => rmSync(contentDir, { recursive: true, force: true }));

const newCommand = (kind: string) => new Terminal([kind, '--content', contentDir, '--date', DEMO_BUILD_DATE]);
const read = (relativePath: string) => readFileSync(path.join(contentDir, relativePath), 'utf8');
const frontMatter = (relativePath: string): unknown => parse(splitFrontMatter(read(relativePath))!.frontMatter);
const errors = () =>
  checkContent({ contentDir, buildDate: DEMO_BUILD_DATE }).problems.filter((problem) => problem.severity === 'error');

describe('npm run new in a terminal', { timeout: 180_000 }, () => {
  it('opens an incident from the answers to its prompts', async () => {
    const terminal = newCommand('incident');
    await terminal.answer('Incident or scheduled maintenance?', ENTER);
    await terminal.answer('Time of the first update (UTC)', `${CLEAR}2026-11-22T09:30:00Z${ENTER}`);
    await terminal.answer('Incident id', ENTER);
    await terminal.answer('What is happening, in a line', `Update service slow in Europe${ENTER}`);
    await terminal.answer('Affected products', `${SPACE}${ENTER}`);
    await terminal.answer('Affected release lines (leave out when all are)', ENTER);
    await terminal.answer('Impact', `${DOWN}${DOWN}${ENTER}`);
    await terminal.answer('Status', ENTER);
    await terminal.answer(
      'First update: what customers need to know now (Markdown)',
      `Downloads of updates are slow; we are investigating.${ENTER}`,
    );
    await terminal.answer('When customers were first affected (UTC)', ENTER);
    await terminal.answer('Does it concern security?', ENTER);
    await terminal.answer('What customers should do, if anything (Markdown)', ENTER);
    await terminal.answer('Description for the incident page (Markdown)', ENTER);

    expect(await terminal.exitCode).toBe(0);
    const file = path.join(contentDir, 'incidents', 'INC-2026-0032.md');
    expect(terminal.text).toContain(`✔ created ${file}: it passes check (as of ${DEMO_BUILD_DATE})`);
    expect(frontMatter('incidents/INC-2026-0032.md')).toEqual({
      id: 'INC-2026-0032',
      title: 'Update service slow in Europe',
      kind: 'incident',
      impact: 'major',
      affects: [{ product: 'directory-connector' }],
      started: '2026-11-22T09:30:00Z',
      updates: [
        {
          at: '2026-11-22T09:30:00Z',
          status: 'investigating',
          text: 'Downloads of updates are slow; we are investigating.',
        },
      ],
    });
    expect(errors()).toEqual([]);
  });

  it('posts an update to an open incident, offering only open ones', async () => {
    const terminal = newCommand('incident-update');
    await terminal.answer('Incident', `${DOWN}${ENTER}`);
    await terminal.answer('Status now', `${DOWN}${DOWN}${DOWN}${ENTER}`);
    await terminal.answer('What customers need to know now (Markdown)', `All queued reports have been sent.${ENTER}`);
    await terminal.answer('Time of the update (UTC)', `${CLEAR}2026-11-22T10:00:00Z${ENTER}`);
    await terminal.answer('What customers should do now (replaces the current text)', ENTER);

    expect(await terminal.exitCode).toBe(0);
    expect(terminal.text).toMatch(/◆ {2}Incident\s+│ {2}● INC-2026-0029\s+│ {2}○ INC-2026-0031\s+│ {2}↑\/↓/);
    const { updates } = frontMatter('incidents/INC-2026-0031.md') as { updates: unknown[] };
    expect(updates.at(-1)).toEqual({
      at: '2026-11-22T10:00:00Z',
      status: 'resolved',
      text: 'All queued reports have been sent.',
    });
    expect(errors()).toEqual([]);
  });

  it('writes nothing when the editor presses Ctrl-C', async () => {
    const before = read('incidents/INC-2026-0031.md');
    const terminal = newCommand('incident-update');
    await terminal.answer('Incident', `${DOWN}${ENTER}`);
    await terminal.answer('Status now', CTRL_C);

    expect(await terminal.exitCode).toBe(130);
    expect(terminal.text).toContain('Nothing was written.');
    expect(read('incidents/INC-2026-0031.md')).toBe(before);
  });
});

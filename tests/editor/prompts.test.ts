/**
 * npm run new -- <kind> in a terminal: the real command in a real pseudo-terminal (util-linux
 * `script`), answered keystroke by keystroke as an editor would, in a temporary copy of the demo
 * content. Each file it writes passes the real check; Ctrl-C writes nothing. npm run init is
 * answered the same way, in a new folder.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

  constructor(args: string[], script = 'new.ts') {
    const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
    // A pseudo-terminal starts with no size; give it a usual one, as a terminal window would.
    const command = `stty cols 100 rows 40; ${[process.execPath, path.join(ROOT, 'scripts', script), ...args].map(quote).join(' ')}`;
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

  /** Waits for a message under the current prompt (after the last answer), then sends the keys. */
  async answerAfter(message: string, keys: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!this.text.includes(message, this.seen)) {
      if (Date.now() > deadline) throw new Error(`no "${message}" in:\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    this.seen = this.text.indexOf(message, this.seen) + message.length;
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

describe(
  'npm run new in a terminal, in a new portal with no products, incidents or advisories yet',
  { timeout: 180_000 },
  () => {
    beforeEach(() => {
      for (const folder of ['products', 'incidents', 'advisories'])
        rmSync(path.join(contentDir, folder), { recursive: true });
    });

    const productPrompts = async (terminal: Terminal) => {
      await terminal.answer('Product name, as customers know it', `Ledger Bridge${ENTER}`);
      await terminal.answer('URL name (/products/<slug>/)', ENTER);
      await terminal.answer('One sentence for the catalogue', `Connects ledgers to payment networks.${ENTER}`);
      await terminal.answer('Catalogue category, e.g. "Networking"', `Finance${ENTER}`);
      await terminal.answer('Package URL without version', ENTER);
      await terminal.answer('CPE 2.3 name, version part "*"', ENTER);
    };
    const restOfProduct = async (terminal: Terminal) => {
      await terminal.answer('Documentation: how to use the product securely', `https://example.com/hardening${ENTER}`);
      await terminal.answer('Who owns support (team or role)', `Finance Support Team${ENTER}`);
      await terminal.answer('First release line, e.g. "1.x"', ENTER);
      await terminal.answer('Its general availability date', ENTER);
      await terminal.answer('Its support level', ENTER);
      await terminal.answer('Description (Markdown; the page text)', ENTER);
    };

    it('refuses an http link at the prompt in the words of check, then takes the https one', async () => {
      const terminal = newCommand('product');
      await productPrompts(terminal);
      await terminal.answer('Documentation: how to install updates', `http://example.com/updates${ENTER}`);
      await terminal.answerAfter(
        'expected a web address starting with https://, found "http://example.com/updates"',
        `${CLEAR}https://example.com/updates${ENTER}`,
      );
      await restOfProduct(terminal);

      expect(await terminal.exitCode).toBe(0);
      expect(terminal.text).toContain(
        `✔ created ${path.join(contentDir, 'products', 'ledger-bridge.md')}: it passes check`,
      );
      expect(frontMatter('products/ledger-bridge.md')).toMatchObject({
        docs: { updates: 'https://example.com/updates', secureUse: 'https://example.com/hardening' },
      });
      expect(errors()).toEqual([]);
    });

    it('does not ask why the date changes when a release line’s end of support is first announced', async () => {
      const product = newCommand('product');
      await productPrompts(product);
      await product.answer('Documentation: how to install updates', `https://example.com/updates${ENTER}`);
      await restOfProduct(product);
      expect(await product.exitCode).toBe(0);

      const terminal = newCommand('end-of-support');
      await terminal.answer('Product', ENTER);
      await terminal.answer('Release line', ENTER);
      await terminal.answer('Day the notice is published', ENTER);
      await terminal.answer('Last day of support (at least one year after the announcement)', ENTER);
      await terminal.answer('What customers should do (Markdown)', `Move to 2.x.${ENTER}`);
      await terminal.answer('What customers risk by staying after the date (Markdown)', ENTER);
      await terminal.answer('URL of an earlier public announcement', ENTER);

      expect(await terminal.exitCode).toBe(0);
      expect(terminal.text).not.toContain('Why the date changes');
      expect(frontMatter('products/ledger-bridge.md')).toMatchObject({
        releases: [{ endOfSupport: { date: '2027-11-22', announced: '2026-11-22', migration: 'Move to 2.x.' } }],
      });
      expect(errors()).toEqual([]);
    });

    it('says there are no products yet instead of offering an empty list', async () => {
      const terminal = newCommand('release-line');

      expect(await terminal.exitCode).toBe(1);
      expect(terminal.text).toContain(
        'new release-line: there are no products yet; add one first with npm run new -- product\r\nnothing was written',
      );
    });
  },
);

describe('npm run init in a terminal', { timeout: 180_000 }, () => {
  it('asks for the vendor profile, refuses an address check would refuse in its words, and writes a portal that passes check', async () => {
    const portal = path.join(contentDir, 'portal');
    const terminal = new Terminal([portal, '--date', DEMO_BUILD_DATE], 'init.ts');
    await terminal.answer('Vendor name, as customers know it', `Marlow Systems${ENTER}`);
    await terminal.answer('Address of the portal', `https://trust.marlow.example${ENTER}`);
    await terminal.answer('Where vulnerabilities are reported', `security@${ENTER}`);
    await terminal.answerAfter('"security@" is not an e-mail address', `marlow.example${ENTER}`);
    await terminal.answer('Where customers get product support', `https://marlow.example/support${ENTER}`);
    await terminal.answer("The vendor's own web site", `${CLEAR}https://marlow.example${ENTER}`);
    await terminal.answer(
      "Address of the security team's public OpenPGP key",
      `https://marlow.example/pgp.asc${ENTER}`,
    );
    await terminal.answer('The role accountable for software security', ENTER);
    await terminal.answer('One or two sentences for the overview page', ENTER);

    expect(await terminal.exitCode).toBe(0);
    expect(terminal.text).toContain(
      `✔ wrote a trust portal for Marlow Systems in ${portal}: check reports 0 errors, 0 warnings in 6 files (as of ${DEMO_BUILD_DATE})`,
    );
    expect(parse(readFileSync(path.join(portal, 'content', 'vendor.yml'), 'utf8'))).toMatchObject({
      name: 'Marlow Systems',
      contacts: { support: { url: 'https://marlow.example/support' }, security: { email: 'security@marlow.example' } },
      seniorResponsibleOwner: 'Chief Information Security Officer',
      csaf: { publisherNamespace: 'https://marlow.example' },
    });
  });

  it('writes nothing when the editor presses Ctrl-C', async () => {
    const portal = path.join(contentDir, 'portal');
    const terminal = new Terminal([portal, '--date', DEMO_BUILD_DATE], 'init.ts');
    await terminal.answer('Vendor name, as customers know it', `Marlow Systems${ENTER}`);
    await terminal.answer('Address of the portal', CTRL_C);

    expect(await terminal.exitCode).toBe(130);
    expect(terminal.text).toContain('Nothing was written.');
    expect(readdirSync(contentDir)).not.toContain('portal');
  });
});

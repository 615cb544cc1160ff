/**
 * npm run init -- <folder>, run as a script would (flags, no terminal): it writes a vendor's own
 * portal that the real check passes without a warning, that `npm run new` writes into, and in
 * which nothing of the demo vendor appears; it refuses a folder in use and an answer check would
 * refuse, and then writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { renderMarkdown } from '../../src/registry/markdown.ts';
import { splitFrontMatter } from '../../src/registry/source/frontMatter.ts';
import { DEMO_BUILD_DATE, editorEnvironment, ROOT } from '../support/builtSite.ts';

// Each command is a separate Node process running the real check.
vi.setConfig({ testTimeout: 120_000 });

let work: string;
let portal: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'trustline-init-'));
  portal = path.join(work, 'portal');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // As from a clone, not from npx: npx --package=<spec> passes the spec on as npm_config_package.
    env: editorEnvironment({ npm_config_package: undefined, ...env }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const marlow = {
  '--name': 'Marlow Systems',
  '--url': 'https://trust.marlow.example',
  '--security-contact': 'security@marlow.example',
  '--support-contact': 'https://marlow.example/support',
  '--pgp-key-url': 'https://marlow.example/pgp.asc',
};

function runInit(flags: Record<string, string> = marlow, folder = portal, env: NodeJS.ProcessEnv = {}) {
  return run('init.ts', [folder, ...Object.entries(flags).flat(), '--date', DEMO_BUILD_DATE], env);
}

const runCheck = () => run('check.ts', ['--content', path.join(portal, 'content'), '--date', DEMO_BUILD_DATE]);

/** Every file below the folder (relative paths, sorted), without git's own. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`.git${path.sep}`))
    .sort();
}

const read = (relativePath: string) => readFileSync(path.join(portal, relativePath), 'utf8');

const demoVendor = parse(readFileSync(path.join(ROOT, 'content', 'vendor.yml'), 'utf8')) as {
  name: string;
  site: { url: string };
};

describe('npm run init -- <folder>', () => {
  it('writes a portal that check passes with 0 errors and 0 warnings', () => {
    const init = runInit();
    expect(init.stderr).toBe('');
    expect(init.stdout.split('\n')[0]).toBe(
      `✔ wrote a trust portal for Marlow Systems in ${portal}: check reports 0 errors, 0 warnings in 6 files (as of 2026-11-22)`,
    );
    expect(init.status).toBe(0);

    const check = runCheck();
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe('✔ 0 errors, 0 warnings in 6 files (as of 2026-11-22)\n');
    expect(check.status).toBe(0);
  });

  it('writes the content, the Astro project, a README and the CI workflows, in a new git repository', () => {
    runInit();
    expect(filesIn(portal)).toEqual([
      '.github/workflows/check.yml',
      '.github/workflows/deploy.yml',
      '.gitignore',
      'README.md',
      'astro.config.mjs',
      'content/advisories/.gitkeep',
      'content/incidents/.gitkeep',
      'content/policies/end-of-support-policy.md',
      'content/policies/incident-support-plan.md',
      'content/policies/support-policy.md',
      'content/policies/vulnerability-disclosure-policy.md',
      'content/products/.gitkeep',
      'content/support-levels.yml',
      'content/vendor.yml',
      'package.json',
    ]);
    expect(existsSync(path.join(portal, '.git'))).toBe(true);
  });

  it('pins the engine to this version, runs its commands as npm scripts and lets npm run only the install scripts the engine needs', () => {
    runInit();
    const engine = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(read('package.json'))).toEqual({
      name: 'marlow-systems-trust-portal',
      private: true,
      type: 'module',
      scripts: {
        check: 'trustline check',
        new: 'trustline new',
        build: 'trustline build',
        dev: 'trustline dev',
        preview: 'trustline preview',
      },
      dependencies: { trustline: engine.version },
      engines: { node: '>=22.18.0' },
      allowScripts: { esbuild: true, contentlayer2: false, protobufjs: false },
    });
    expect(read('astro.config.mjs')).toBe(
      "import { defineConfig } from 'astro/config';\nimport trustline from 'trustline';\n\nexport default defineConfig({ integrations: [trustline()] });\n",
    );
    expect(read('.gitignore').split('\n')).toEqual(
      expect.arrayContaining(['node_modules/', 'dist/', '.astro/', '.trustline/']),
    );
  });

  it('depends on the engine npx ran init from: a tarball as a path from the portal, a git tag as given', () => {
    runInit(marlow, portal, { npm_config_package: './engine/trustline-0.1.0.tgz', INIT_CWD: work });
    expect((JSON.parse(read('package.json')) as { dependencies: object }).dependencies).toEqual({
      trustline: 'file:../engine/trustline-0.1.0.tgz',
    });
    rmSync(portal, { recursive: true });
    runInit(marlow, portal, { npm_config_package: 'github:marlow/trustline#v0.1.0' });
    expect((JSON.parse(read('package.json')) as { dependencies: object }).dependencies).toEqual({
      trustline: 'github:marlow/trustline#v0.1.0',
    });
  });

  it('writes the pull-request check and the GitHub Pages deploy (daily too) from the recipes in examples/, with the engine version', () => {
    runInit();
    const engine = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const [workflow, recipe] of [
      ['check.yml', 'check.yml'],
      ['deploy.yml', 'deploy-github-pages.yml'],
    ] as const) {
      const text = read(`.github/workflows/${workflow}`);
      expect(text.split('\n')[0]).toBe(
        `# Written by trustline init (Trustline ${engine.version}); the steps run the engine version package.json pins.`,
      );
      expect(text).not.toContain('Copy to');
      expect(parse(text)).toEqual(parse(readFileSync(path.join(ROOT, 'examples', 'github-actions', recipe), 'utf8')));
    }
    expect(read('.github/workflows/deploy.yml')).toContain("    - cron: '17 3 * * *'");
  });

  it('writes the vendor profile from the answers', () => {
    runInit();
    expect(parse(read('content/vendor.yml'))).toEqual({
      name: 'Marlow Systems',
      description:
        'Marlow Systems publishes the support lifecycle of its software, end-of-support notices, incidents, security advisories and the policies behind them on this portal.',
      site: { url: 'https://trust.marlow.example', language: 'en-GB' },
      contacts: {
        support: { url: 'https://marlow.example/support' },
        security: { email: 'security@marlow.example' },
      },
      seniorResponsibleOwner: 'Chief Information Security Officer',
      pgpKeyUrl: 'https://marlow.example/pgp.asc',
      csaf: { publisherNamespace: 'https://trust.marlow.example' },
    });
  });

  it('fills the vendor name into the four policies and marks the places to edit, which the site does not show', () => {
    runInit();
    for (const policy of readdirSync(path.join(portal, 'content', 'policies'))) {
      const { body } = splitFrontMatter(read(`content/policies/${policy}`))!;
      expect(body, policy).toContain('Marlow Systems');
      expect(body, policy).toMatch(/^\[\/\/\]: # "EDIT: /m);
      expect(body, policy).not.toContain('{{');
      expect(renderMarkdown(body), policy).not.toContain('EDIT');
    }
  });

  it('writes a vendor name with Markdown characters as plain text', () => {
    runInit({ ...marlow, '--name': 'A*B <Labs> & [Co]' });
    const { body } = splitFrontMatter(read('content/policies/support-policy.md'))!;
    expect(renderMarkdown(body)).toContain('support and maintenance A*B &#x3C;Labs> &#x26; [Co] provides');
    expect(runCheck().stdout).toBe('✔ 0 errors, 0 warnings in 6 files (as of 2026-11-22)\n');
  });

  it('writes nothing of the demo vendor', () => {
    runInit();
    const demoWords = [demoVendor.name, demoVendor.name.split(' ')[0]!, new URL(demoVendor.site.url).hostname];
    for (const file of filesIn(portal)) {
      const text = read(file).toLowerCase();
      for (const word of demoWords) expect(text, `${file} contains "${word}"`).not.toContain(word.toLowerCase());
    }
  });

  it('leaves empty products, incidents and advisories folders that npm run new writes into', () => {
    runInit();
    const added = run('new.ts', [
      'product',
      '--name',
      'Marlow Ledger',
      '--summary',
      'Core ledger for credit unions.',
      '--category',
      'Banking',
      '--updates-url',
      'https://docs.marlow.example/ledger/updates',
      '--secure-use-url',
      'https://docs.marlow.example/ledger/hardening',
      '--support-owner',
      'Ledger Support Team',
      '--content',
      path.join(portal, 'content'),
      '--date',
      DEMO_BUILD_DATE,
    ]);
    expect(added.stdout).toContain(
      `✔ created ${portal}/content/products/marlow-ledger.md: it passes check (as of 2026-11-22)`,
    );
    expect(added.status).toBe(0);
    expect(runCheck().stdout).toBe('✔ 0 errors, 0 warnings in 7 files (as of 2026-11-22)\n');
  });

  it('refuses a folder that is not empty, and writes nothing', () => {
    mkdirSync(portal);
    writeFileSync(path.join(portal, 'notes.txt'), 'mine');
    const init = runInit();
    expect(init.stderr).toBe(
      `init: ${portal} already exists and is not empty: choose a new folder (init creates it) or an empty one\nnothing was written\n`,
    );
    expect(init.stdout).toBe('');
    expect(init.status).toBe(1);
    expect(filesIn(portal)).toEqual(['notes.txt']);
  });

  it('refuses a site address that is not https, in the schema’s words, and writes nothing', () => {
    const init = runInit({ ...marlow, '--url': 'http://trust.marlow.example' });
    expect(init.stderr).toBe(
      'init: --url: expected a web address starting with https://, found "http://trust.marlow.example"\nnothing was written\n',
    );
    expect(init.status).toBe(1);
    expect(existsSync(portal)).toBe(false);
  });

  it('refuses a security contact that is not an e-mail address, in the schema’s words, and writes nothing', () => {
    const init = runInit({ ...marlow, '--security-contact': 'security@' });
    expect(init.stderr).toBe('init: --security-contact: "security@" is not an e-mail address\nnothing was written\n');
    expect(init.status).toBe(1);
    expect(existsSync(portal)).toBe(false);
  });

  it('names the missing flags when run without a terminal, and writes nothing', () => {
    const init = runInit({ '--name': 'Marlow Systems' });
    expect(init.stderr.split('\n')[0]).toBe(
      'init: missing --url URL, --security-contact EMAIL|URL, --support-contact EMAIL|URL',
    );
    expect(init.stderr).toContain('usage: trustline init <folder> [flags]');
    expect(init.status).toBe(2);
    expect(existsSync(portal)).toBe(false);
  });
});

/**
 * Build integrity (docs/architecture.md, "The content files are the database" and "Fail closed"): byte-identical output whatever the machine's time
 * zone, locale, output folder, project folder or clock; a failed or killed build leaves the previous site as it was;
 * nothing in the content folder is silently dropped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, type BuildManifest } from '../../src/pipeline/manifest.ts';
import { contentCacheDir } from '../../src/cli/cacheDir.ts';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import {
  siteFingerprint,
  DEMO_BUILD_DATE,
  DEMO_SITE_DIR,
  editorEnvironment,
  ROOT,
  runBuild,
} from '../support/builtSite.ts';
import { createContent, markdownFile, outsideGitWarning, product } from '../support/contentFixture.ts';

/** A full build takes 15–60 s on a shared two-core machine. */
const BUILD_TIMEOUT = 300_000;
const work = mkdtempSync(path.join(tmpdir(), 'trustline-integrity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const demoArgs = (out: string) => ['--content', path.join(ROOT, 'content'), '--date', DEMO_BUILD_DATE, '--out', out];
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'build-manifest.json'), 'utf8')) as BuildManifest;
/**
 * The project as another clone sees it: a git clone of this repository (its history too, which
 * the notice rule reads), with this working tree's uncommitted changes copied over, and the
 * same node_modules, linked.
 */
function cloneProject(folder: string): void {
  const git = (args: string[], cwd = ROOT) => {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
    return result.stdout;
  };
  mkdirSync(path.dirname(folder), { recursive: true });
  git(['clone', '--quiet', ROOT, folder]);
  for (const file of git(['ls-files', '-z', '--modified', '--others', '--exclude-standard']).split('\0')) {
    if (file === '') continue;
    if (existsSync(path.join(ROOT, file))) cpSync(path.join(ROOT, file), path.join(folder, file));
    else rmSync(path.join(folder, file), { force: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
}

describe('reproducible builds', () => {
  it('publishes a manifest with the size and SHA-256 of every other file', () => {
    const manifest = readManifest(DEMO_SITE_DIR);
    const files = listFiles(DEMO_SITE_DIR).filter((file) => file !== 'build-manifest.json');
    expect(manifest.files.map((file) => file.path)).toEqual(files);
    for (const entry of manifest.files) {
      const bytes = readFileSync(path.join(DEMO_SITE_DIR, entry.path));
      expect({
        path: entry.path,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      }).toEqual(entry);
    }
    expect(manifest).toMatchObject({ buildDate: '2026-11-22', buildTime: '2026-11-22T23:59:59Z' });
    expect(manifest.contentCommit).toMatch(/^[0-9a-f]{40}$/);
  });

  it(
    'gives byte-identical output in other folders, time zones (UTC+14, UTC−10) and locales',
    () => {
      const kiritimati = path.join(work, 'kiritimati');
      const adak = path.join(work, 'adak');
      expect(runBuild(demoArgs(kiritimati), { TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C' }).status).toBe(0);
      expect(runBuild(demoArgs(adak), { TZ: 'America/Adak', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }).status).toBe(
        0,
      );
      const reference = siteFingerprint(DEMO_SITE_DIR);
      expect(reference.length).toBeGreaterThan(100);
      expect(siteFingerprint(kiritimati)).toEqual(reference);
      expect(siteFingerprint(adak)).toEqual(reference);
    },
    BUILD_TIMEOUT,
  );

  it(
    'gives byte-identical output when the project itself is in two other folders, of different path lengths',
    () => {
      const projects = [path.join(work, 'p'), path.join(work, 'a-much-longer-folder-name', 'another-level', 'portal')];
      const sites = projects.map((project) => {
        cloneProject(project);
        const site = path.join(project, 'site');
        const result = spawnSync(
          process.execPath,
          [
            path.join(project, 'scripts', 'build.ts'),
            ...['--content', path.join(project, 'content'), '--date', DEMO_BUILD_DATE, '--out', site],
          ],
          { cwd: project, encoding: 'utf8' },
        );
        expect(result.stderr).not.toContain('✖');
        expect(result.status).toBe(0);
        return site;
      });
      const reference = siteFingerprint(DEMO_SITE_DIR);
      expect(siteFingerprint(sites[0]!)).toEqual(reference);
      expect(siteFingerprint(sites[1]!)).toEqual(reference);
    },
    2 * BUILD_TIMEOUT,
  );
});

describe('a production build', () => {
  it('ships React’s production build even when run under a test runner (NODE_ENV=test)', () => {
    expect(process.env['NODE_ENV']).toBe('test');
    const scripts = readdirSync(path.join(DEMO_SITE_DIR, '_astro')).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const development = scripts.filter((file) =>
      readFileSync(path.join(DEMO_SITE_DIR, '_astro', file), 'utf8').includes('jsxDEV'),
    );
    expect(development).toEqual([]);
  });
});

describe('atomic output', () => {
  const site = path.join(work, 'site');
  const previous = () => {
    rmSync(site, { recursive: true, force: true });
    cpSync(DEMO_SITE_DIR, site, { recursive: true });
    writeFileSync(path.join(site, 'from-the-previous-build.txt'), 'previous');
    return siteFingerprint(site);
  };

  it('leaves the previous site exactly as it was when the content is invalid', () => {
    const before = previous();
    const content = createContent();
    content.write('products/gateway.md', markdownFile(product({ category: 5 })));
    const result = runBuild(['--content', content.dir, '--date', DEMO_BUILD_DATE, '--out', site]);
    content.cleanup();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('✖ build stopped: 1 error, 1 warning in 9 files; the previous site is unchanged');
    expect(siteFingerprint(site)).toEqual(before);
  });

  it(
    'leaves the previous site exactly as it was when a step throws after rendering and finalising',
    () => {
      const before = previous();
      const result = runBuild(demoArgs(site), { TRUSTLINE_TEST_FAULT: 'before-publish' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('✖ build failed: fault injected by a test\nthe previous site is unchanged');
      expect(siteFingerprint(site)).toEqual(before);
      expect(readdirSync(work).filter((entry) => entry.includes('staging'))).toEqual([]);
      expect(
        readdirSync(path.join(ROOT, '.trustline', 'staging')).filter((entry) => entry.startsWith('site-')),
      ).toEqual([]);
    },
    BUILD_TIMEOUT,
  );

  it(
    'leaves the previous site exactly as it was when the build is killed halfway',
    async () => {
      const before = previous();
      // Its own process group, killed whole like a cancelled CI job: the build and its children.
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts'), ...demoArgs(site)], {
        cwd: ROOT,
        env: editorEnvironment(),
        stdio: 'ignore',
        detached: true,
      });
      // An output outside the project is rendered in the project's .trustline/staging/ first.
      const projectStaging = path.join(ROOT, '.trustline', 'staging');
      const staging = () =>
        existsSync(projectStaging)
          ? readdirSync(projectStaging).find((entry) => entry === `site-${child.pid}`)
          : undefined;
      // Kill it once Astro has started writing the new site.
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline && !(staging() && existsSync(path.join(projectStaging, staging()!, '_astro')))) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(staging()).toBeDefined();
      process.kill(-child.pid!, 'SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(siteFingerprint(site)).toEqual(before);
    },
    BUILD_TIMEOUT,
  );

  it(
    'replaces the previous site whole on success, and clears what a killed build left',
    () => {
      previous();
      const result = runBuild(demoArgs(site));
      expect(result.status).toBe(0);
      expect(existsSync(path.join(site, 'from-the-previous-build.txt'))).toBe(false);
      expect(siteFingerprint(site)).toEqual(siteFingerprint(DEMO_SITE_DIR));
      expect(readdirSync(work).filter((entry) => entry.includes('staging'))).toEqual([]);
      expect(
        readdirSync(path.join(ROOT, '.trustline', 'staging')).filter((entry) => entry.startsWith('site-')),
      ).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});

describe('the build cache', () => {
  it(
    'never changes a result: after files are deleted and added, a warm build equals a build from an empty cache',
    () => {
      const content = path.join(work, 'replaced-content');
      cpSync(path.join(ROOT, 'content'), content, { recursive: true });
      const build = (out: string) => runBuild(['--content', content, '--date', DEMO_BUILD_DATE, '--out', out]);
      expect(build(path.join(work, 'before')).status).toBe(0);

      // What a vendor does first: the demo's incidents and advisories go, a product is replaced.
      for (const folder of ['incidents', 'advisories']) rmSync(path.join(content, folder), { recursive: true });
      const kept = 'edge-gateway.md';
      for (const file of readdirSync(path.join(content, 'products')).filter((name) => name !== kept))
        rmSync(path.join(content, 'products', file));
      const renamed = readFileSync(path.join(content, 'products', kept), 'utf8').replace(
        /^name: .*$/m,
        'name: Renamed',
      );
      writeFileSync(path.join(content, 'products', kept), renamed);

      const warm = path.join(work, 'warm');
      expect(build(warm).stderr).toBe(`warning: ${outsideGitWarning(content)}\n`);
      rmSync(contentCacheDir(content), { recursive: true, force: true });
      const cold = path.join(work, 'cold');
      expect(build(cold).status).toBe(0);
      expect(siteFingerprint(warm)).toEqual(siteFingerprint(cold));
      expect(existsSync(path.join(warm, 'incidents', 'index.html'))).toBe(true);
      expect(readdirSync(path.join(warm, 'advisories')).filter((entry) => entry.startsWith('KSA-'))).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});

describe('nothing silently dropped', () => {
  it('puts every demo content file into the Registry', () => {
    const result = checkContent({ contentDir: path.join(ROOT, 'content'), buildDate: DEMO_BUILD_DATE });
    expect(result.files).toHaveLength(29);
    expect(result.documentCount).toBe(result.files.length);
  });

  it('reports a file that is neither content nor ignored, rather than skipping it', () => {
    const content = createContent();
    content.write('incidents/draft.txt', 'notes');
    const result = checkContent({ contentDir: content.dir, buildDate: DEMO_BUILD_DATE });
    content.cleanup();
    expect(result.files).toContain('incidents/draft.txt');
    // Beside the warning that the folder is outside git, the one problem is the file.
    expect(result.problems.map((problem) => problem.file)).toEqual([content.dir, `${content.dir}/incidents/draft.txt`]);
  });
});

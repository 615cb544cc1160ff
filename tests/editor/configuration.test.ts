/** content/vendor.yml holds the portal's settings and is checked like content, in the editor's words. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BUILD_DATE, ROOT } from '../support/builtSite.ts';

let contentDir: string;
beforeEach(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'trustline-config-'));
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
});
afterEach(() => rmSync(contentDir, { recursive: true, force: true }));

function setInVendor(from: RegExp, to: string): void {
  const file = path.join(contentDir, 'vendor.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}

function check() {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'check.ts'), '--content', contentDir, '--date', DEMO_BUILD_DATE],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
  );
  return { status: result.status, errors: result.stderr.split('\n').filter((line) => line.startsWith('error:')) };
}

describe('configuration in content/vendor.yml', () => {
  it('names a base path without slashes and says how to write it', () => {
    setInVendor(/^ {2}basePath: \/$/m, '  basePath: trust');
    expect(check()).toEqual({
      status: 1,
      errors: [`error: ${contentDir}/vendor.yml:10 site.basePath: must start and end with "/", e.g. "/" or "/trust/"`],
    });
  });

  it('refuses a base path that is not the path of the site address, and says which values to use', () => {
    setInVendor(/^ {2}url: .*$/m, '  url: https://owner.github.io/trust-portal/');
    expect(check()).toEqual({
      status: 1,
      errors: [
        `error: ${contentDir}/vendor.yml:10 site.basePath: "/" is not the path of url "https://owner.github.io/trust-portal/": remove basePath (the path of url is used), or give url as "https://owner.github.io" with basePath "/trust-portal/"`,
      ],
    });
  });

  it('refuses a site address whose path cannot be a base path', () => {
    setInVendor(/^ {2}url: .*$/m, '  url: https://owner.github.io/Trust_Portal/');
    setInVendor(/^ {2}basePath: \/$/m, '');
    expect(check()).toEqual({
      status: 1,
      errors: [
        `error: ${contentDir}/vendor.yml:9 site.url: the path of "https://owner.github.io/Trust_Portal/" is served as the base path, which may hold only lower-case letters, digits and hyphens between "/": serve the portal under such a path, e.g. "https://owner.github.io/trust-portal/"`,
      ],
    });
  });

  it('refuses a security.txt period longer than RFC 9116 advises', () => {
    setInVendor(/^ {2}expiresAfterDays: 180$/m, '  expiresAfterDays: 400');
    expect(check()).toEqual({
      status: 1,
      errors: [
        `error: ${contentDir}/vendor.yml:24 securityTxt.expiresAfterDays: RFC 9116 advises against more than a year: use at most 365 days`,
      ],
    });
  });
});

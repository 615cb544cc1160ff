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

  describe('notification channels', () => {
    /** Appends channels (YAML list items, indented for notifications.channels) and, optionally, an SMTP server. */
    function addChannels(channels: string, smtp = '  smtp:\n    host: smtp.kestrel.example\n'): void {
      const file = path.join(contentDir, 'vendor.yml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}${smtp}  channels:\n${channels}`);
    }

    it('refuses a product filter naming no product, and lists the products', () => {
      addChannels('    - name: gateway-chat\n      type: slack\n      products: [edge-gatway]\n');
      const { status, errors } = check();
      expect(status).toBe(1);
      expect(errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^error: ${contentDir}/vendor\\.yml:\\d+ notifications\\.channels\\[0\\]\\.products\\[0\\]: there is no product "edge-gatway": products are "`,
          ),
        ),
      ]);
    });

    it('refuses a topic the feeds do not have, and lists the topics', () => {
      addChannels('    - name: ops-chat\n      type: teams\n      topics: [incident]\n');
      expect(check()).toEqual({
        status: 1,
        errors: [
          `error: ${contentDir}/vendor.yml:42 notifications.channels[0].topics[0]: expected one of "support", "end-of-support", "incidents", "advisories", found "incident"`,
        ],
      });
    });

    it('refuses an e-mail channel without an SMTP server', () => {
      addChannels(
        '    - name: customers\n      type: email\n      from: { address: trust@kestrel.example }\n      to: [customers@kestrel.example]\n',
        '',
      );
      expect(check()).toEqual({
        status: 1,
        errors: [
          `error: ${contentDir}/vendor.yml:38 notifications.channels[0]: an e-mail channel needs an SMTP server: add notifications.smtp with its host (and port)`,
        ],
      });
    });

    it('refuses two channels of one name, since the name keys the record of what was sent', () => {
      addChannels('    - name: ops-chat\n      type: slack\n    - name: ops-chat\n      type: teams\n');
      expect(check()).toEqual({
        status: 1,
        errors: [
          `error: ${contentDir}/vendor.yml:42 notifications.channels[1].name: another channel is already named "ops-chat": give each channel its own name`,
        ],
      });
    });
  });
});

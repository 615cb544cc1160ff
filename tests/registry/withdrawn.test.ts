/**
 * content/withdrawn.yml records a published product, incident or advisory removed on purpose:
 * the removed-file warning stops for it, and `check` refuses entries that cannot be right.
 * Tested against real git repositories with commits at chosen dates.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkFixture } from '../support/checkFixture.ts';
import {
  createContent,
  markdownFile,
  outsideGitWarning,
  product,
  shallowCloneProblem,
  type Fixture,
} from '../support/contentFixture.ts';
import { commitAll, git } from '../support/git.ts';

let fixture: Fixture;
const clones: string[] = [];
afterEach(() => {
  fixture.cleanup();
  for (const clone of clones.splice(0)) rmSync(clone, { recursive: true, force: true });
});

const relay = product({ slug: 'relay', name: 'Fixture Relay' });
const relayWithdrawal = {
  product: 'relay',
  title: 'Fixture Relay',
  date: '2026-11-20',
  reason: 'Fixture Relay was listed by mistake: it was never sold.',
};

/** A repository whose first commit, on 2026-03-01, published the fixture content and the relay product. */
function repository(relayFile = 'products/relay.md') {
  fixture = createContent();
  fixture.write(relayFile, markdownFile(relay));
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  commitAll(fixture.dir, '2026-03-01T10:00:00+00:00', 'Publish');
  return git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
}

function writeWithdrawn(...entries: Record<string, unknown>[]) {
  fixture.write('withdrawn.yml', stringify({ withdrawn: entries }));
}

describe('a recorded withdrawal', () => {
  it('stops the warning about a removed product once its withdrawal is recorded', () => {
    const commit = repository();
    fixture.remove('products/relay.md');
    commitAll(fixture.dir, '2026-11-20T10:00:00+00:00', 'Remove the relay');
    expect(checkFixture(fixture).warnings).toEqual([
      `products/relay.md was published on 2026-03-01 (commit ${commit}) and is no longer in the content folder: its page, feed items and machine-readable records are gone for the customers who relied on them. Restore it, or, if removing it was intended, record the withdrawal in withdrawn.yml (product: relay, with its title, date and reason) so its address says why; to correct or close an incident or advisory, post an update or a revision instead`,
    ]);
    writeWithdrawn(relayWithdrawal);
    expect(checkFixture(fixture)).toMatchObject({ errors: [], warnings: [] });
  });

  it('is accepted in the commit that removes the file, before it is committed', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn(relayWithdrawal);
    expect(checkFixture(fixture)).toMatchObject({ errors: [], warnings: [] });
  });

  it('names the slug the removed file had, whatever the file was called', () => {
    repository('products/old-relay-name.md');
    fixture.remove('products/old-relay-name.md');
    writeWithdrawn(relayWithdrawal);
    expect(checkFixture(fixture)).toMatchObject({ errors: [], warnings: [] });
  });

  it('is in the Registry with its reason rendered for the page', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn({ ...relayWithdrawal, reason: 'Use **Fixture Gateway** instead.' });
    const withdrawals = checkFixture(fixture).result.registry?.withdrawals;
    expect(withdrawals?.map(({ kind, id, title, date, reason }) => [kind, id, title, date, reason.html])).toEqual([
      ['product', 'relay', 'Fixture Relay', '2026-11-20', '<p>Use <strong>Fixture Gateway</strong> instead.</p>'],
    ]);
  });
});

describe('a withdrawal check refuses or questions', () => {
  it('refuses a withdrawal of a product that is still in the content folder', () => {
    repository();
    writeWithdrawn(relayWithdrawal);
    const { errors, warnings } = checkFixture(fixture);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([
      'withdrawn.yml:2 withdrawn[0].product: "relay" is still in the content folder (products/relay.md): a product cannot be published and withdrawn at one address. Remove products/relay.md to withdraw it, or remove this entry to keep it',
    ]);
  });

  it('warns about a withdrawal of something git never published', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn(relayWithdrawal, {
      incident: 'INC-2026-0999',
      title: 'Never there',
      date: '2026-11-20',
      reason: 'A typo.',
    });
    const { errors, warnings } = checkFixture(fixture);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'withdrawn.yml:6 withdrawn[1].incident: no file git published with the incident id "INC-2026-0999" has been removed, so there is nothing to withdraw: use the id the removed file had (its warning names it), or remove this entry',
    ]);
  });

  it('refuses the same page withdrawn twice', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn(relayWithdrawal, { ...relayWithdrawal, reason: 'Withdrawn again.' });
    expect(checkFixture(fixture).errors).toEqual([
      'withdrawn.yml:6 withdrawn[1].product: "relay" is already withdrawn by withdrawn[0]: a page is withdrawn once; remove one of the entries',
    ]);
  });

  it('refuses a withdrawal dated after the build date', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn({ ...relayWithdrawal, date: '2026-11-23' });
    expect(checkFixture(fixture).errors).toEqual([
      'withdrawn.yml:4 withdrawn[0].date: 2026-11-23 is after the build date 2026-11-22: a withdrawal is dated the day its file is removed',
    ]);
  });

  it('refuses an entry that names no page', () => {
    repository();
    writeWithdrawn({ ...relayWithdrawal, product: undefined });
    expect(checkFixture(fixture).errors).toEqual([
      'withdrawn.yml:2 withdrawn[0]: name what was withdrawn: add product (its slug), incident or advisory (its id)',
    ]);
  });

  it('refuses an entry that names two pages', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn({ ...relayWithdrawal, incident: 'INC-2026-0001' });
    expect(checkFixture(fixture).errors).toEqual([
      'withdrawn.yml:2 withdrawn[0]: names product and incident: each entry withdraws one page, so keep one and give the other an entry of its own',
    ]);
  });

  it('refuses an unknown field, suggesting the right one', () => {
    repository();
    fixture.remove('products/relay.md');
    const { reason, ...rest } = relayWithdrawal;
    writeWithdrawn({ ...rest, reasons: reason });
    expect(checkFixture(fixture).errors).toEqual([
      'withdrawn.yml:2 withdrawn[0].reason: is required (text): add it',
      'withdrawn.yml:5 withdrawn[0].reasons: unknown field "reasons": did you mean "reason"?',
    ]);
  });
});

describe('a withdrawal without the history', () => {
  it('is accepted where the content folder is not a git repository, which check says', () => {
    fixture = createContent();
    writeWithdrawn(relayWithdrawal);
    expect(checkFixture(fixture)).toMatchObject({ errors: [], warnings: [outsideGitWarning(fixture.dir)] });
  });

  it('is accepted in a shallow clone, which check says', () => {
    repository();
    fixture.remove('products/relay.md');
    writeWithdrawn(relayWithdrawal);
    commitAll(fixture.dir, '2026-11-20T10:00:00+00:00', 'Withdraw the relay');
    const clone = mkdtempSync(path.join(tmpdir(), 'trustline-shallow-'));
    clones.push(clone);
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${fixture.dir}`, clone]);
    expect(readFileSync(path.join(clone, 'withdrawn.yml'), 'utf8')).toContain('product: relay');
    const original = fixture.dir;
    fixture = { ...fixture, dir: clone, cleanup: () => rmSync(original, { recursive: true, force: true }) };
    expect(checkFixture(fixture)).toMatchObject({ errors: [], warnings: [shallowCloneProblem(clone)] });
  });
});

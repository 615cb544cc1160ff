/**
 * The CI recipes in examples/github-actions follow the house rules for workflows: minimal
 * permissions, every action pinned by full commit SHA (a tag can be moved; a commit cannot), and
 * the full git history wherever the content is checked (the notice rule reads it). The workflows
 * `trustline init` writes into a vendor's portal are held to the same rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { portalFiles } from '../../src/cli/init/portal.ts';
import { ROOT } from '../support/builtSite.ts';

const dir = path.join(ROOT, 'examples', 'github-actions');
const recipes = readdirSync(dir)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
/** The workflows `trustline init` writes into a new portal follow the same rules. */
const portal = portalFiles({
  name: 'Marlow Systems',
  url: 'https://trust.marlow.example',
  securityContact: 'security@marlow.example',
  supportContact: 'support@marlow.example',
  website: 'https://marlow.example',
  seniorResponsibleOwner: 'Chief Information Security Officer',
  description: 'Ledger software for credit unions.',
  date: '2026-11-22',
});
const initWorkflows = [...portal]
  .filter(([file]) => file.startsWith('.github/workflows/'))
  .map(([file, text]) => ({ name: `init/${path.basename(file)}`, text }));
const workflows = [...recipes, ...initWorkflows];

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
}
interface Workflow {
  permissions?: unknown;
  /** A job runs steps, or calls a reusable workflow with `uses`. */
  jobs: Record<string, { uses?: string; steps?: Step[] }>;
}

/** Every action and reusable workflow a workflow runs, in order. */
const actionsOf = (text: string) =>
  Object.values((parse(text) as Workflow).jobs).flatMap((job) =>
    [job.uses, ...(job.steps ?? []).map((step) => step.uses)].filter((uses) => uses !== undefined),
  );

describe('the GitHub Actions recipes and the workflows of a new portal', () => {
  it.each(workflows)('$name grants at most read access to the repository by default', ({ text }) => {
    const { permissions } = parse(text) as Workflow;
    expect([{ contents: 'read' }, {}]).toContainEqual(permissions);
  });

  it.each(workflows)('$name pins every action by full commit SHA, with the version in a comment', ({ text }) => {
    const pinned = [...text.matchAll(/^\s*(?:- )?uses: ([\w-]+\/[\w-]+@[0-9a-f]{40}) # v\d+\.\d+\.\d+$/gm)];
    expect(pinned.map((match) => match[1])).toEqual(actionsOf(text));
  });

  it('run these actions, each one checked by the pinning rule', () => {
    const named = (text: string) => actionsOf(text).map((uses) => uses.replace(/@.*/, ''));
    const setUp = ['actions/checkout', 'actions/setup-node'];
    const pages = [...setUp, 'actions/upload-pages-artifact', 'actions/deploy-pages'];
    expect(Object.fromEntries(workflows.map(({ name, text }) => [name, named(text)]))).toEqual({
      'check.yml': setUp,
      'deploy-github-pages.yml': pages,
      'deploy-s3.yml': setUp,
      'notify.yml': setUp,
      'scheduled-rebuild-hook.yml': [],
      'init/check.yml': setUp,
      'init/deploy.yml': pages,
    });
  });

  it.each(workflows.filter(({ text }) => text.includes('npm run')))(
    '$name fetches the full history before checking',
    ({ text }) => {
      const steps = Object.values((parse(text) as Workflow).jobs).flatMap((job) => job.steps ?? []);
      const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['fetch-depth']).toBe(0);
    },
  );
});

describe('the README', () => {
  it('shows the daily schedule exactly as the deploy workflow has it', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Rebuild every day'));
    const snippet = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(snippet).toContain("    - cron: '17 3 * * *'");
    expect(readFileSync(path.join(dir, 'deploy-github-pages.yml'), 'utf8')).toContain(snippet);
  });
});

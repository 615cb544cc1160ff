/**
 * The files of a new portal, as text, from the answers: the content (vendor profile, support
 * levels, the four policies the Code of Practice asks for), the Astro project that uses the
 * engine, and the CI workflows. Pure: nothing is written here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify } from 'yaml';
import type { CalendarDate } from '../../registry/calendarDate.ts';
import { vendorSchema } from '../../registry/schema/vendor.ts';
import { slugify } from '../new/context.ts';
import { ScaffoldError } from '../new/frontMatterFile.ts';
import { contactOf, type Contact } from './questions.ts';

/** The engine's own folder: its package.json, its templates and its CI recipes. */
export const ENGINE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TEMPLATES = path.join(ENGINE_ROOT, 'src', 'cli', 'init', 'templates');

/** The CI recipes of examples/github-actions a portal gets, by the name it gets them under. */
export const WORKFLOWS = {
  'check.yml': 'check.yml',
  'deploy.yml': 'deploy-github-pages.yml',
} as const;

export interface PortalAnswers {
  readonly name: string;
  readonly url: string;
  readonly securityContact: string;
  readonly supportContact: string;
  readonly website: string;
  readonly pgpKeyUrl?: string | undefined;
  readonly seniorResponsibleOwner: string;
  readonly description: string;
  /** The day the policies are dated. */
  readonly date: CalendarDate;
  /** Where the portal's `npm install` gets the engine (see engineSource); by default this version. */
  readonly engineSource?: string | undefined;
}

interface EnginePackage {
  readonly version: string;
  readonly engines?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly allowScripts?: Record<string, boolean>;
}

export function enginePackage(): EnginePackage {
  return JSON.parse(readFileSync(path.join(ENGINE_ROOT, 'package.json'), 'utf8')) as EnginePackage;
}

/** Every file of the new portal: path relative to the portal's folder → text. */
export function portalFiles(answers: PortalAnswers): Map<string, string> {
  const engine = enginePackage();
  const files = new Map<string, string>();
  const vendor = markdownEscaped(answers.name);

  files.set('content/vendor.yml', vendorYaml(answers));
  files.set('content/support-levels.yml', fill(template('content/support-levels.yml'), { vendor }));
  const policyValues = {
    vendor,
    sro: markdownEscaped(answers.seniorResponsibleOwner),
    date: answers.date,
    securityContact: markdownContact(contactOf(answers.securityContact)),
    supportContact: markdownContact(contactOf(answers.supportContact)),
    pgpSentence: answers.pgpKeyUrl ? ` To encrypt your report, use our [OpenPGP key](<${answers.pgpKeyUrl}>).` : '',
  };
  for (const policy of [
    'support-policy.md',
    'end-of-support-policy.md',
    'vulnerability-disclosure-policy.md',
    'incident-support-plan.md',
  ]) {
    files.set(`content/policies/${policy}`, fill(template(`content/policies/${policy}`), policyValues));
  }
  // Empty until `npm run new` writes the first file there; git keeps no empty folder.
  for (const folder of ['products', 'incidents', 'advisories']) files.set(`content/${folder}/.gitkeep`, '');

  files.set('README.md', fill(template('README.md'), { vendor, url: answers.url, engineVersion: engine.version }));
  files.set('package.json', packageJson(answers.name, engine, answers.engineSource ?? engine.version));
  files.set(
    'astro.config.mjs',
    "import { defineConfig } from 'astro/config';\nimport trustline from 'trustline';\n\nexport default defineConfig({ integrations: [trustline()] });\n",
  );
  files.set('.gitignore', template('gitignore'));
  for (const [name, recipe] of Object.entries(WORKFLOWS)) {
    files.set(`.github/workflows/${name}`, workflow(recipe, engine.version));
  }
  return files;
}

function template(relativePath: string): string {
  return readFileSync(path.join(TEMPLATES, relativePath), 'utf8');
}

/** Replaces every {{key}}; a key without a value is a bug in the templates. */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template value {{${key}}} is missing`);
    return value;
  });
}

/** Plain text in Markdown: the characters that would start emphasis, a link or HTML are escaped. */
function markdownEscaped(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

function markdownContact(contact: Contact): string {
  if ('email' in contact) return `[${markdownEscaped(contact.email)}](<mailto:${contact.email}>)`;
  const label = contact.url.replace(/^https:\/\//, '').replace(/\/$/, '');
  return `[${markdownEscaped(label)}](<${contact.url}>)`;
}

/** One YAML scalar, quoted where YAML needs it, on one line. */
const yamlScalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

const yamlContact = (contact: Contact) =>
  'email' in contact ? `email: ${yamlScalar(contact.email)}` : `url: ${yamlScalar(contact.url)}`;

/** content/vendor.yml, checked against the schema: an answer check missed is refused here, before writing. */
function vendorYaml(answers: PortalAnswers): string {
  const text = fill(template('content/vendor.yml'), {
    vendor: answers.name.replace(/\s+/g, ' '),
    name: yamlScalar(answers.name),
    description: yamlScalar(answers.description),
    url: yamlScalar(answers.url),
    supportContact: yamlContact(contactOf(answers.supportContact)),
    securityContact: yamlContact(contactOf(answers.securityContact)),
    sro: yamlScalar(answers.seniorResponsibleOwner),
    pgpKeyUrl: answers.pgpKeyUrl ? `pgpKeyUrl: ${yamlScalar(answers.pgpKeyUrl)}\n` : '',
    website: yamlScalar(answers.website),
  });
  const checked = vendorSchema.safeParse(parseYaml(text));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ScaffoldError(`vendor.yml ${issue.path.join('.')}: ${issue.message}`);
  }
  return text;
}

/**
 * Where the portal's `npm install` gets the engine: the package `npx --package=<spec> trustline
 * init` ran (npm passes the spec on as npm_config_package, and the folder npx ran in as INIT_CWD),
 * a local tarball or folder as a path from the portal; otherwise this version.
 */
export function engineSource(
  folder: string,
  version: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const spec = env['npm_config_package']?.trim();
  // None, or several packages: which one is the engine is not known.
  if (!spec || spec.includes('\n')) return version;
  if (spec.startsWith('trustline@')) return spec.slice('trustline@'.length);
  if (/^(?:file:|\.|\/|~)/.test(spec) || /\.(?:tgz|tar\.gz|tar)$/.test(spec)) {
    const local = path.resolve(env['INIT_CWD'] ?? process.cwd(), spec.replace(/^file:/, ''));
    return `file:${path.relative(folder, local).split(path.sep).join('/')}`;
  }
  return spec;
}

/**
 * The portal's package.json: the engine from where init came from, its commands as scripts, and
 * the engine's allowScripts (without its development tools') so that npm runs the install scripts
 * the engine needs, skips the others, and warns about none.
 */
function packageJson(vendorName: string, engine: EnginePackage, source: string): string {
  const slug = slugify(vendorName);
  const allowScripts = Object.entries(engine.allowScripts ?? {}).filter(
    ([name]) => !Object.hasOwn(engine.devDependencies ?? {}, name),
  );
  const manifest = {
    name: slug ? `${slug}-trust-portal` : 'trust-portal',
    private: true,
    type: 'module',
    scripts: Object.fromEntries(
      ['check', 'new', 'build', 'dev', 'preview'].map((command) => [command, `trustline ${command}`]),
    ),
    dependencies: { trustline: source },
    ...(engine.engines ? { engines: engine.engines } : {}),
    ...(allowScripts.length > 0 ? { allowScripts: Object.fromEntries(allowScripts) } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A CI recipe from examples/github-actions, as the portal's own workflow: the same steps, pins
 * and permissions, without the recipe's note on where to copy it.
 */
function workflow(recipe: string, version: string): string {
  const text = readFileSync(path.join(ENGINE_ROOT, 'examples', 'github-actions', recipe), 'utf8')
    .replace(/Copy to \.github\/workflows\/[\w.-]+ and set /, 'Set ')
    .replace(/Copy to \.github\/workflows\/[\w.-]+\. /, '');
  return `# Written by trustline init (Trustline ${version}); the steps run the engine version package.json pins.\n${text}`;
}

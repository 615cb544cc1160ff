/**
 * npm run docs:reference
 * Writes docs/content-reference.md from the zod schemas (src/registry/schema): every field with
 * its type, whether it is required, its default and the description given with `.describe()`,
 * plus an example per content type. The examples are parsed by the same schemas here, so the
 * reference cannot document something `check` would refuse; a test compares the committed file
 * with this output, so CI fails when a schema changes and the reference is not regenerated.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { contentKinds, type ContentKind } from '../src/registry/schema/index.ts';
import { supportLevelSchema } from '../src/registry/schema/supportLevels.ts';
import { splitFrontMatter } from '../src/registry/source/frontMatter.ts';
import { MAX_PATH_NAME } from '../src/registry/schema/primitives.ts';

export const REFERENCE_FILE = path.resolve(import.meta.dirname, '..', 'docs', 'content-reference.md');

/** zod keeps its definition under `_zod.def`; these are the parts the reference reads. */
interface Definition {
  type: string;
  innerType?: ZodSchema;
  defaultValue?: unknown;
  shape?: Record<string, ZodSchema>;
  element?: ZodSchema;
  keyType?: ZodSchema;
  valueType?: ZodSchema;
  entries?: Record<string, string>;
  in?: ZodSchema;
  options?: readonly ZodSchema[];
  discriminator?: string;
  values?: unknown[];
}
type ZodSchema = z.ZodType & { _zod: { def: Definition }; description?: string | undefined };

interface Row {
  field: string;
  type: string;
  presence: string;
  description: string;
}

interface Unwrapped {
  schema: ZodSchema;
  optional: boolean;
  defaultValue: unknown;
  description: string | undefined;
}

function unwrap(schema: ZodSchema): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown = undefined;
  let description = schema.description;
  for (;;) {
    const def = current._zod.def;
    if (def.type === 'optional' && def.innerType) optional = true;
    else if (def.type === 'default' && def.innerType) defaultValue = def.defaultValue;
    else break;
    current = def.innerType;
    description ??= current.description;
  }
  return { schema: current, optional, defaultValue, description: description ?? current.description };
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** Names a text field by what it accepts (the primitives use refinements JSON Schema cannot show). */
function textType(schema: ZodSchema): string {
  if (accepts(schema, '2026-11-20T08:12:00Z') && !accepts(schema, '2026-11-20'))
    return 'time with offset, e.g. 2026-11-20T08:12:00Z';
  if (accepts(schema, '2026-11-20') && !accepts(schema, 'twentieth')) return 'date, YYYY-MM-DD';
  if (accepts(schema, 'https://example.com/') && !accepts(schema, 'example')) return 'web address (https://)';
  if (accepts(schema, 'someone@example.com') && !accepts(schema, 'example')) return 'e-mail address';
  if (accepts(schema, '#1d4ed8') && !accepts(schema, 'blue')) return 'colour, `#rrggbb`';
  if (accepts(schema, 'brand/logo.svg') && !accepts(schema, 'brand/logo.gif')) {
    return 'path of an SVG or PNG file inside `public/`, e.g. `brand/logo.svg`';
  }
  if (accepts(schema, 'example-product') && !accepts(schema, 'Example-Product')) {
    return 'slug: lower-case letters, digits and single hyphens, e.g. `example-product`';
  }
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    maxLength?: number;
    pattern?: string;
  };
  if (json.maxLength !== undefined && json.maxLength >= 20_000) return 'Markdown';
  if (json.pattern !== undefined) return `text matching \`${json.pattern}\``;
  return json.maxLength !== undefined ? `text, at most ${json.maxLength} characters` : 'text';
}

function typeOf(schema: ZodSchema): string {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return textType(schema);
    case 'boolean':
      return '`true` or `false`';
    case 'number': {
      const json = z.toJSONSchema(schema, { io: 'input' }) as { type?: string; minimum?: number; maximum?: number };
      const range =
        json.minimum !== undefined && json.maximum !== undefined ? ` from ${json.minimum} to ${json.maximum}` : '';
      return `${json.type === 'integer' ? 'whole number' : 'number'}${range}`;
    }
    case 'enum':
      return `one of ${Object.values(def.entries ?? {})
        .map((value) => `\`${value}\``)
        .join(', ')}`;
    case 'object':
      return 'group of fields';
    case 'array': {
      const element = editorShape(unwrap(def.element!).schema);
      if (element._zod.def.discriminator !== undefined)
        return `list of groups, each of one kind by \`${element._zod.def.discriminator}\``;
      return element._zod.def.type === 'object' ? 'list of groups' : `list of: ${typeOf(element)}`;
    }
    case 'union':
      return (def.options ?? []).map((option) => typeOf(option)).join(' or ');
    case 'literal':
      return `\`${String(def.values?.[0])}\``;
    case 'record':
      return `map from ${typeOf(unwrap(def.keyType!).schema)} to ${typeOf(unwrap(def.valueType!).schema)}`;
    case 'pipe':
      return typeOf(def.in!);
    default:
      return def.type;
  }
}

/** A schema with a `.transform()` is documented by what the editor writes: its input. */
const editorShape = (schema: ZodSchema): ZodSchema =>
  schema._zod.def.type === 'pipe' ? editorShape(schema._zod.def.in!) : schema;

function presenceOf(field: Unwrapped): string {
  if (field.defaultValue !== undefined) return `optional, default \`${JSON.stringify(field.defaultValue)}\``;
  return field.optional ? 'optional' : 'required';
}

function collectRows(schema: ZodSchema, prefix: string, rows: Row[]): void {
  const def = schema._zod.def;
  if (def.type === 'object') {
    for (const [name, child] of Object.entries(def.shape ?? {})) {
      const field = unwrap(child);
      const fieldPath = prefix ? `${prefix}.${name}` : name;
      rows.push({
        field: fieldPath,
        type: typeOf(field.schema),
        presence: presenceOf(field),
        description: field.description ?? '',
      });
      collectRows(field.schema, fieldPath, rows);
    }
  } else if (def.type === 'array') {
    const element = editorShape(unwrap(def.element!).schema);
    const { discriminator, options } = element._zod.def;
    if (element._zod.def.type === 'object') collectRows(element, `${prefix}[]`, rows);
    // A discriminated union (a channel of type email, slack...): the fields of each kind in turn.
    else if (discriminator !== undefined) {
      for (const option of options ?? []) {
        const kind = option._zod.def.shape?.[discriminator]?._zod.def.values?.[0];
        collectRows(option, `${prefix}[${discriminator}: ${String(kind)}]`, rows);
      }
    }
  } else if (def.type === 'pipe') {
    // A group with a .transform(): its fields are those of what it reads.
    collectRows(def.in!, prefix, rows);
  }
}

function table(rows: readonly Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| Field | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| \`${row.field}\` | ${cell(row.type)} | ${row.presence} | ${cell(row.description)} |`),
  ].join('\n');
}

/** One small, valid example per content type (checked below against the real schema). */
const examples: Record<ContentKind, { file: string; text: string }> = {
  vendor: {
    file: 'content/vendor.yml',
    text: `name: Example Software
description: Example Software builds backup and monitoring tools for small businesses.
site:
  url: https://trust.example.com
  basePath: /
contacts:
  support:
    email: support@example.com
  security:
    email: security@example.com
    url: https://example.com/security
seniorResponsibleOwner: Chief Information Security Officer
csaf:
  publisherNamespace: https://example.com
securityTxt:
  expiresAfterDays: 180
feeds:
  maxItems: 50
brand:
  logo: brand/logo.svg
  accent:
    light: '#0b5cad'
    dark: '#7cb8f7'
footerLinks:
  - label: Service status
    url: https://status.example.com
navigation:
  incidents: always
notifications:
  signUp: https://example.com/lists/trust-portal
  smtp:
    host: smtp.example.com
  channels:
    - name: customers-email
      type: email
      from:
        address: trust@example.com
        name: Example Trust Portal
      to:
        - trust-announce@lists.example.com
      listUnsubscribe: https://example.com/lists/trust-portal/leave
    - name: security-slack
      type: slack
      topics: [advisories, incidents]
`,
  },
  supportLevels: {
    file: 'content/support-levels.yml',
    text: `levels:
  - id: full
    name: Full support
    summary: Security fixes, bug fixes and new features; support cases of any kind.
    includes:
      securityFixes: true
      bugFixes: true
      features: true
      technicalSupport: true
    securityFixTargets:
      critical: 7 calendar days
      high: 30 calendar days
    patchCadence: Monthly maintenance releases.
    distribution: Signed packages on the download centre and the built-in update channel.
    notification: Release notes by e-mail to each customer's administrators.
`,
  },
  product: {
    file: 'content/products/backup-agent.md',
    text: `---
slug: backup-agent
name: Example Backup Agent
summary: Backs up servers and laptops to the cloud or to your own storage.
category: Data protection
identifiers:
  purl: pkg:generic/example/backup-agent
docs:
  updates: https://docs.example.com/backup-agent/updates
  secureUse: https://docs.example.com/backup-agent/hardening
supportOwner: Data Protection Support Team
releases:
  - name: 3.x
    released: 2026-03-02
    phases:
      - level: full
  - name: 2.x
    released: 2024-02-05
    phases:
      - level: full
        until: 2026-03-01
      - level: maintenance
    successor: 3.x
    endOfSupport:
      date: 2027-12-31
      announced: 2026-11-02
      migration: Upgrade to **3.x** in place; settings are kept.
      risk: After the date, vulnerabilities in 2.x are not fixed.
---

Example Backup Agent backs up files, databases and whole machines.
`,
  },
  incident: {
    file: 'content/incidents/INC-2026-0042.md',
    text: `---
id: INC-2026-0042
title: Backups to the Dublin region delayed
impact: minor
affects:
  - product: backup-agent
    releases:
      - 3.x
started: 2026-11-20T08:05:00Z
updates:
  - at: 2026-11-20T08:20:00Z
    status: investigating
    text: Some backups to the Dublin region are slow. We are investigating.
  - at: 2026-11-20T10:40:00Z
    status: resolved
    text: A storage node was replaced; backups run normally again.
customerActions: No action is needed; delayed backups have completed.
postIncidentReport:
  published: 2026-11-21T15:00:00Z
  rootCause: A failing disk slowed one storage node without failing outright.
  preventiveMeasures:
    - Disks are now taken out of service on slow responses, not only on errors.
---

From 08:05 UTC on 20 November 2026, backups to the Dublin region were slower than usual.
`,
  },
  advisory: {
    file: 'content/advisories/EXA-2026-0003.md',
    text: `---
id: EXA-2026-0003
title: Path traversal in the Backup Agent restore service
summary: A local user could restore files to any folder. Fixed in 3.2.1.
status: final
cves:
  - CVE-2026-12345
cvss:
  vector: CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:N
  severity: medium
affects:
  - product: backup-agent
    release: 3.x
    affected: 3.0.0 to 3.2.0
    fixed: 3.2.1
remediations:
  - kind: fix
    text: Update to 3.2.1 or later.
    url: https://downloads.example.com/backup-agent
credits:
  - Jo Bloggs
revisions:
  - date: 2026-11-10
    summary: Initial publication.
  - date: 2026-11-18
    summary: Added the CVE ID.
---

## Description

The restore service did not check the destination folder of a restore request.
`,
  },
  policy: {
    file: 'content/policies/support-policy.md',
    text: `---
slug: support-policy
title: Support policy
kind: support
updated: 2026-09-01
---

Each release line receives full support for at least two years after its release.
`,
  },
  withdrawn: {
    file: 'content/withdrawn.yml',
    text: `withdrawn:
  - product: cloud-relay
    title: Example Cloud Relay
    date: 2026-11-02
    reason: Cloud Relay was announced but never released; Example Backup Agent 3.x sends backups to the cloud itself.
  - incident: INC-2026-0040
    title: Backups to the Dublin region delayed
    date: 2026-11-21
    reason: This notice was posted about the wrong region; INC-2026-0042 describes the delay.
`,
  },
};

const titles: Record<ContentKind, string> = {
  vendor: 'Vendor profile and portal configuration',
  supportLevels: 'Support levels',
  product: 'Products and release lines',
  incident: 'Incidents and scheduled maintenance',
  advisory: 'Security advisories',
  policy: 'Policies',
  withdrawn: 'Withdrawn products, incidents and advisories',
};

function exampleData(kind: ContentKind): unknown {
  const { text } = examples[kind];
  return parse(contentKinds[kind].hasBody ? splitFrontMatter(text)!.frontMatter : text);
}

export function renderContentReference(): string {
  const sections = (Object.keys(contentKinds) as ContentKind[]).map((kind) => {
    const { schema, location, hasBody } = contentKinds[kind];
    const result = schema.safeParse(exampleData(kind));
    if (!result.success) {
      throw new Error(
        `the ${kind} example in scripts/content-reference.ts does not pass its schema: ${result.error.message}`,
      );
    }
    const rows: Row[] = [];
    // support-levels.yml is a list under `levels`; its entries carry the descriptions.
    if (kind === 'supportLevels') {
      rows.push({
        field: 'levels',
        type: 'list of groups',
        presence: 'required',
        description: 'The support levels, at least one.',
      });
      collectRows(supportLevelSchema, 'levels[]', rows);
    } else {
      collectRows(schema, '', rows);
    }
    const where = location.endsWith('/') ? `\`content/${location}<name>.md\`` : `\`content/${location}\``;
    const example = examples[kind];
    return [
      `## ${titles[kind]}`,
      '',
      `${where}${hasBody ? ' — YAML front matter between `---` lines, then the Markdown body.' : ' — YAML.'} ${schema.description ?? ''}`.trim(),
      '',
      table(rows),
      '',
      `Example (\`${example.file}\`):`,
      '',
      hasBody ? '```markdown' : '```yaml',
      example.text.trimEnd(),
      '```',
    ].join('\n');
  });
  return `<!-- Generated by scripts/content-reference.ts from src/registry/schema: do not edit; run npm run docs:reference. -->

# Content reference

Everything Trustline publishes comes from the files in \`content/\`. This reference lists every
field of every content type: its type, whether it is required (and its default when it is not),
and what it means. \`npm run check\` validates the files against exactly these rules and explains
each problem with the file, line and field. Unknown fields are errors, so a misspelt field name
never passes silently.

- Dates are calendar dates written \`YYYY-MM-DD\`; times are written with their offset, e.g.
  \`2026-11-20T08:12:00Z\` or \`2026-09-09T07:00:00+01:00\`. Feeds, calendars, CSAF and the API
  publish every time in UTC.
- Web addresses are written as they would be sent: a space, \`"\`, \`<\`, \`>\`, a backtick, \`{\`,
  \`}\`, \`|\`, \`\\\`, \`^\` or a control character must be percent-encoded (a space as \`%20\`).
- Field paths use \`a.b\` for a field inside a group and \`a[].b\` for a field of each entry in a list.
- Markdown fields and bodies are rendered and sanitised; raw HTML is not allowed.
- All settings of the portal live in \`content/vendor.yml\` (first section): the vendor profile,
  the site address and base path, feed size and the security.txt expiry period. It is checked
  like all content: \`npm run check\` names a bad setting and says how to fix it.
- A content file is at most 1 MiB; a larger one is refused (\`content files are limited to 1 MiB\`):
  split it or shorten it. Slugs and ids are at most ${MAX_PATH_NAME} characters, since they become
  folder and file names of the site.
- Front matter is plain YAML: text, numbers, true/false, lists and groups of fields. Tags
  (\`!!binary\`, \`!foo\`) are refused; anchors and aliases (\`&name\`, \`*name\`) may repeat a
  value, but an alias inside the value it names, or aliases expanding past 100 copies, are refused;
  so are more than 64 nested \`[\`/\`{\` and block nesting indented past 128 columns.
- CVSS vectors, CVE ids, purls and CPE names are checked against their specifications: e.g. a
  CVSS vector gives each base metric once, in the standard order.
- To create or change files with the right fields, use \`npm run new\` (see docs/editor-guide.md).

${sections.join('\n\n')}
`;
}

if (import.meta.main) {
  writeFileSync(REFERENCE_FILE, renderContentReference());
  console.log(`✔ wrote ${path.relative(process.cwd(), REFERENCE_FILE)}`);
}

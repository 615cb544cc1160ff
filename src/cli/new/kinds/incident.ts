/**
 * npm run new -- incident / incident-update / post-incident-report: an incident from its first
 * update to its post-incident report (Code of Practice 4.3). Times are UTC instants; an update
 * defaults to now.
 */
import { writeFileSync } from 'node:fs';
import { isSeq, type Document, type YAMLMap } from 'yaml';
import { impacts, incidentStatuses, maintenanceStatuses } from '../../../registry/schema/incident.ts';
import {
  documentsOf,
  findDocument,
  findProduct,
  newDocumentFile,
  nextId,
  productQuestion,
  type Scaffold,
  type ScaffoldContext,
} from '../context.ts';
import {
  appendTo,
  markdownText,
  newMarkdownDocument,
  readMarkdownDocument,
  ScaffoldError,
  setField,
  writeMarkdownDocument,
} from '../frontMatterFile.ts';
import { listOf, optionalTextOf, textOf, type Answers } from '../questions.ts';

const instant = (answers: Answers, flag: string): string => {
  const value = textOf(answers, flag);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ScaffoldError(`--${flag} "${value}" is not a time with its offset such as 2026-11-20T08:12:00Z`);
  }
  return value;
};

const isMaintenance = (answers: Answers) => answers['kind'] === 'maintenance';

export const incident: Scaffold = {
  summary: 'open an incident (or scheduled maintenance) with its first update',
  questions: (context) => [
    {
      flag: 'kind',
      message: 'Incident or scheduled maintenance?',
      type: 'choice',
      options: () => ['incident', 'maintenance'],
      default: () => 'incident',
    },
    {
      flag: 'at',
      message: 'Time of the first update (UTC)',
      required: true,
      placeholder: 'TIME',
      default: () => context.now,
    },
    {
      flag: 'id',
      message: 'Incident id',
      required: true,
      placeholder: 'ID',
      default: (answers) =>
        nextId(
          documentsOf(context, 'incident').map((entry) => entry.id),
          String(answers['at'] ?? context.now).slice(0, 4),
          'INC',
        ),
    },
    { flag: 'title', message: 'What is happening, in a line', required: true },
    productQuestion(context, 'Affected products', 'list'),
    {
      flag: 'release',
      message: 'Affected release lines (leave out when all are)',
      type: 'list',
      placeholder: 'LINE',
      when: (answers) => Array.isArray(answers['product']) && answers['product'].length === 1,
      options: (answers) => findProduct(context, String((answers['product'] as string[])[0])).releaseLines,
    },
    {
      flag: 'impact',
      message: 'Impact',
      type: 'choice',
      required: true,
      options: () => impacts,
      default: (answers) => (isMaintenance(answers) ? 'none' : undefined),
    },
    {
      flag: 'status',
      message: 'Status',
      type: 'choice',
      required: true,
      options: (answers) => (isMaintenance(answers) ? maintenanceStatuses : incidentStatuses),
      default: (answers) => (isMaintenance(answers) ? 'scheduled' : 'investigating'),
    },
    { flag: 'text', message: 'First update: what customers need to know now (Markdown)', required: true },
    {
      flag: 'window-start',
      message: 'Maintenance window start (UTC)',
      placeholder: 'TIME',
      required: true,
      when: isMaintenance,
    },
    {
      flag: 'window-end',
      message: 'Maintenance window end (UTC)',
      placeholder: 'TIME',
      required: true,
      when: isMaintenance,
    },
    {
      flag: 'started',
      message: 'When customers were first affected (UTC)',
      required: true,
      placeholder: 'TIME',
      default: (answers) => String((isMaintenance(answers) ? answers['window-start'] : answers['at']) ?? context.now),
    },
    { flag: 'security', message: 'Does it concern security?', type: 'yes-no' },
    { flag: 'customer-actions', message: 'What customers should do, if anything (Markdown)' },
    {
      flag: 'description',
      message: 'Description for the incident page (Markdown)',
      default: (answers) => String(answers['text']),
    },
  ],
  write(answers, context) {
    const id = textOf(answers, 'id');
    const file = newDocumentFile(
      context,
      'incidents',
      id,
      documentsOf(context, 'incident').some((entry) => entry.id === id),
      `an incident "${id}" already exists: post an update with npm run new -- incident-update --id ${id}`,
    );
    const products = listOf(answers, 'product');
    for (const slug of products) findProduct(context, slug);
    const releases = listOf(answers, 'release');
    const customerActions = optionalTextOf(answers, 'customer-actions');
    const kind = textOf(answers, 'kind');
    const document = newMarkdownDocument(
      {
        id,
        title: textOf(answers, 'title'),
        kind,
        impact: textOf(answers, 'impact'),
        ...(answers['security'] === true ? { security: true } : {}),
        affects: products.map((product) => ({ product, ...(releases.length > 0 ? { releases } : {}) })),
        started: instant(answers, 'started'),
        ...(kind === 'maintenance'
          ? { window: { start: instant(answers, 'window-start'), end: instant(answers, 'window-end') } }
          : {}),
        updates: [{ at: instant(answers, 'at'), status: textOf(answers, 'status'), text: textOf(answers, 'text') }],
        ...(customerActions ? { customerActions } : {}),
      },
      optionalTextOf(answers, 'description') ?? textOf(answers, 'text'),
    );
    writeFileSync(file, markdownText(document), { flag: 'wx' });
    return { file, action: 'created', next: `post the next update: npm run new -- incident-update --id ${id}` };
  },
};

function lastStatus(data: Document): string {
  const updates = data.get('updates', true);
  const last = isSeq(updates) ? (updates.items.at(-1) as YAMLMap | undefined) : undefined;
  return String(last?.get('status'));
}

const incidentIds = (context: ScaffoldContext) => documentsOf(context, 'incident').map((entry) => entry.id);
const kindOf = (context: ScaffoldContext, answers: Answers) =>
  findDocument(context, 'incident', String(answers['id'])).data['kind'] === 'maintenance' ? 'maintenance' : 'incident';

/** Incidents still open: the ones an update can be posted to. */
const openIncidentIds = (context: ScaffoldContext) =>
  documentsOf(context, 'incident')
    .filter((entry) => {
      const updates = entry.data['updates'];
      const last = Array.isArray(updates) ? (updates.at(-1) as { status?: unknown } | undefined) : undefined;
      return !['resolved', 'completed'].includes(String(last?.status));
    })
    .map((entry) => entry.id);

export const incidentUpdate: Scaffold = {
  summary: 'post an update on an incident and set its status',
  questions: (context) => [
    {
      flag: 'id',
      message: 'Incident',
      type: 'choice',
      required: true,
      placeholder: 'ID',
      // A flag may name any incident (a resolved one is refused with the reason); the prompt offers open ones.
      options: () => incidentIds(context),
      promptOptions: () => openIncidentIds(context),
    },
    {
      flag: 'status',
      message: 'Status now',
      type: 'choice',
      required: true,
      options: (answers) => (kindOf(context, answers) === 'maintenance' ? maintenanceStatuses : incidentStatuses),
    },
    { flag: 'text', message: 'What customers need to know now (Markdown)', required: true },
    {
      flag: 'at',
      message: 'Time of the update (UTC)',
      required: true,
      placeholder: 'TIME',
      default: () => context.now,
    },
    { flag: 'customer-actions', message: 'What customers should do now (replaces the current text)' },
  ],
  write(answers, context) {
    const found = findDocument(context, 'incident', textOf(answers, 'id'));
    const document = readMarkdownDocument(found.file);
    if (['resolved', 'completed'].includes(lastStatus(document.data))) {
      throw new ScaffoldError(
        `${found.id} is ${lastStatus(document.data)} already: a resolved incident ends with its resolving update; open a new incident if the problem returns`,
      );
    }
    appendTo(document.data, ['updates'], {
      at: instant(answers, 'at'),
      status: textOf(answers, 'status'),
      text: textOf(answers, 'text'),
    });
    const customerActions = optionalTextOf(answers, 'customer-actions');
    if (customerActions) setField(document.data, ['customerActions'], customerActions);
    writeMarkdownDocument(found.file, document);
    const resolved = ['resolved', 'completed'].includes(textOf(answers, 'status'));
    return {
      file: found.file,
      action: 'updated',
      next: resolved
        ? `publish the post-incident report: npm run new -- post-incident-report --id ${found.id}`
        : `post the next update: npm run new -- incident-update --id ${found.id}`,
    };
  },
};

export const postIncidentReport: Scaffold = {
  summary: 'publish the post-incident report of a resolved incident',
  questions: (context) => [
    {
      flag: 'id',
      message: 'Incident',
      type: 'choice',
      required: true,
      placeholder: 'ID',
      options: () => incidentIds(context),
    },
    { flag: 'root-cause', message: 'Why it happened (Markdown)', required: true },
    {
      flag: 'measure',
      message: 'What is being done so it does not happen again (one per --measure)',
      type: 'list',
      required: true,
    },
    {
      flag: 'published',
      message: 'Time of publication (UTC)',
      required: true,
      placeholder: 'TIME',
      default: () => context.now,
    },
  ],
  write(answers, context) {
    const found = findDocument(context, 'incident', textOf(answers, 'id'));
    const document = readMarkdownDocument(found.file);
    if (document.data.has('postIncidentReport')) {
      throw new ScaffoldError(`${found.id} already has a post-incident report: edit it in ${found.file}`);
    }
    if (!['resolved', 'completed'].includes(lastStatus(document.data))) {
      throw new ScaffoldError(
        `${found.id} is not resolved yet: post a final update first (npm run new -- incident-update --id ${found.id} --status resolved)`,
      );
    }
    setField(document.data, ['postIncidentReport'], {
      published: instant(answers, 'published'),
      rootCause: textOf(answers, 'root-cause'),
      preventiveMeasures: listOf(answers, 'measure'),
    });
    writeMarkdownDocument(found.file, document);
    return { file: found.file, action: 'updated' };
  },
};

/**
 * npm run new -- incident / incident-update / post-incident-report: an incident from its first
 * update to its post-incident report (Code of Practice 4.3). Times are UTC instants; an update
 * defaults to now.
 */
import { isSeq, type Document, type YAMLMap } from 'yaml';
import { messages } from '../../../registry/rules/incidents.ts';
import { impacts, incidentSchema, incidentStatuses, maintenanceStatuses } from '../../../registry/schema/incident.ts';
import { markdownText as markdownField, timestamp } from '../../../registry/schema/primitives.ts';
import {
  documentsOf,
  findDocument,
  findProduct,
  newDocumentFile,
  nextId,
  NONE_YET,
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
} from '../frontMatterFile.ts';
import { bySchema, listOf, optionalTextOf, textOf, type Answers } from '../questions.ts';

const fields = incidentSchema.shape;
const reportFields = fields.postIncidentReport.unwrap().shape;

/** The last update of the incident chosen with --id, as written. */
function lastUpdateOf(context: ScaffoldContext, answers: Answers): { at: string; status: string } | undefined {
  const updates = findDocument(context, 'incident', String(answers['id'])).data['updates'];
  const last = Array.isArray(updates) ? (updates.at(-1) as Record<string, unknown> | undefined) : undefined;
  return last ? { at: String(last['at']), status: String(last['status']) } : undefined;
}

/** An incident's or maintenance's last status: nothing is posted after it. */
const isFinal = (status: string) => ['resolved', 'completed'].includes(status);

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
      validate: (value) =>
        bySchema(timestamp)(value) ??
        (Date.parse(value) > Date.parse(context.buildTime)
          ? messages.updateAfterBuildTime(value, context.buildTime).text
          : undefined),
    },
    {
      flag: 'id',
      message: 'Incident id',
      required: true,
      placeholder: 'ID',
      validate: bySchema(fields.id),
      default: (answers) =>
        nextId(
          documentsOf(context, 'incident').map((entry) => entry.id),
          String(answers['at'] ?? context.now).slice(0, 4),
          'INC',
        ),
    },
    { flag: 'title', message: 'What is happening, in a line', required: true, validate: bySchema(fields.title) },
    productQuestion(context, 'Affected products', 'list'),
    {
      flag: 'release',
      message: 'Affected release lines (leave out when all are)',
      type: 'list',
      placeholder: 'LINE',
      when: (answers) => Array.isArray(answers['product']) && answers['product'].length === 1,
      notApplicable: 'is only for an incident that affects one product',
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
    {
      flag: 'text',
      message: 'First update: what customers need to know now (Markdown)',
      required: true,
      validate: bySchema(markdownField),
    },
    {
      flag: 'window-start',
      message: 'Maintenance window start (UTC)',
      placeholder: 'TIME',
      required: true,
      when: isMaintenance,
      notApplicable: 'is only for scheduled maintenance (--kind maintenance)',
      validate: bySchema(timestamp),
    },
    {
      flag: 'window-end',
      message: 'Maintenance window end (UTC)',
      placeholder: 'TIME',
      required: true,
      when: isMaintenance,
      notApplicable: 'is only for scheduled maintenance (--kind maintenance)',
      validate: (value, answers) => {
        const start = String(answers['window-start']);
        return (
          bySchema(timestamp)(value) ??
          (Date.parse(value) <= Date.parse(start) ? messages.windowEndNotAfterStart(value, start).text : undefined)
        );
      },
    },
    {
      flag: 'started',
      message: 'When customers were first affected (UTC)',
      required: true,
      placeholder: 'TIME',
      default: (answers) => String((isMaintenance(answers) ? answers['window-start'] : answers['at']) ?? context.now),
      validate: (value, answers) => {
        const firstUpdate = String(answers['at']);
        return (
          bySchema(timestamp)(value) ??
          (!isMaintenance(answers) && Date.parse(value) > Date.parse(firstUpdate)
            ? messages.startedAfterFirstUpdate(value, firstUpdate).text
            : undefined)
        );
      },
    },
    { flag: 'security', message: 'Does it concern security?', type: 'yes-no' },
    {
      flag: 'customer-actions',
      message: 'What customers should do, if anything (Markdown)',
      validate: bySchema(markdownField),
    },
    {
      flag: 'description',
      message: 'Description for the incident page (Markdown)',
      default: (answers) => String(answers['text']),
    },
  ],
  draft(answers, context) {
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
        started: textOf(answers, 'started'),
        ...(kind === 'maintenance'
          ? { window: { start: textOf(answers, 'window-start'), end: textOf(answers, 'window-end') } }
          : {}),
        updates: [{ at: textOf(answers, 'at'), status: textOf(answers, 'status'), text: textOf(answers, 'text') }],
        ...(customerActions ? { customerActions } : {}),
      },
      optionalTextOf(answers, 'description') ?? textOf(answers, 'text'),
    );
    return {
      file,
      text: markdownText(document),
      action: 'created',
      next: `post the next update: npm run new -- incident-update --id ${id}`,
    };
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
      return !isFinal(String(last?.status));
    })
    .map((entry) => entry.id);

/** Why no update can be posted to an incident whose last status is final. */
const closedAlready = (id: string, status: string) =>
  isFinal(status)
    ? `${id} is ${status} already: a resolved incident ends with its resolving update; ` +
      'open a new incident if the problem returns'
    : undefined;

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
      none: 'there are no open incidents; open one with npm run new -- incident',
      validate: (id) => closedAlready(id, String(lastUpdateOf(context, { id })?.status)),
    },
    {
      flag: 'status',
      message: 'Status now',
      type: 'choice',
      required: true,
      options: (answers) => (kindOf(context, answers) === 'maintenance' ? maintenanceStatuses : incidentStatuses),
    },
    {
      flag: 'text',
      message: 'What customers need to know now (Markdown)',
      required: true,
      validate: bySchema(markdownField),
    },
    {
      flag: 'at',
      message: 'Time of the update (UTC)',
      required: true,
      placeholder: 'TIME',
      default: () => context.now,
      validate: (value, answers) => {
        const previous = lastUpdateOf(context, answers)?.at;
        if (bySchema(timestamp)(value)) return bySchema(timestamp)(value);
        if (previous && Date.parse(value) <= Date.parse(previous))
          return messages.updateNotAfterPrevious(value, previous).text;
        if (Date.parse(value) > Date.parse(context.buildTime))
          return messages.updateAfterBuildTime(value, context.buildTime).text;
        return undefined;
      },
    },
    {
      flag: 'customer-actions',
      message: 'What customers should do now (replaces the current text)',
      validate: bySchema(markdownField),
    },
  ],
  draft(answers, context) {
    const found = findDocument(context, 'incident', textOf(answers, 'id'));
    const document = readMarkdownDocument(found.file);
    const closed = closedAlready(found.id, lastStatus(document.data));
    if (closed) throw new ScaffoldError(closed);
    appendTo(document.data, ['updates'], {
      at: textOf(answers, 'at'),
      status: textOf(answers, 'status'),
      text: textOf(answers, 'text'),
    });
    const customerActions = optionalTextOf(answers, 'customer-actions');
    if (customerActions) setField(document.data, ['customerActions'], customerActions);
    const resolved = isFinal(textOf(answers, 'status'));
    return {
      file: found.file,
      text: markdownText(document),
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
      none: NONE_YET.incident,
    },
    { flag: 'root-cause', message: 'Why it happened (Markdown)', required: true, validate: bySchema(markdownField) },
    {
      flag: 'measure',
      message: 'What is being done so it does not happen again (one per --measure)',
      type: 'list',
      required: true,
      validate: bySchema(reportFields.preventiveMeasures.element),
    },
    {
      flag: 'published',
      message: 'Time of publication (UTC)',
      required: true,
      placeholder: 'TIME',
      default: () => context.now,
      validate: (value, answers) => {
        const resolving = lastUpdateOf(context, answers);
        if (bySchema(timestamp)(value)) return bySchema(timestamp)(value);
        if (resolving && isFinal(resolving.status) && Date.parse(value) < Date.parse(resolving.at))
          return messages.reportBeforeResolution(value, resolving.status, resolving.at).text;
        if (Date.parse(value) > Date.parse(context.buildTime))
          return messages.reportAfterBuildTime(value, context.buildTime).text;
        return undefined;
      },
    },
  ],
  draft(answers, context) {
    const found = findDocument(context, 'incident', textOf(answers, 'id'));
    const document = readMarkdownDocument(found.file);
    if (document.data.has('postIncidentReport')) {
      throw new ScaffoldError(`${found.id} already has a post-incident report: edit it in ${found.file}`);
    }
    if (!isFinal(lastStatus(document.data))) {
      throw new ScaffoldError(
        `${found.id} is not resolved yet: post a final update first ` +
          `(npm run new -- incident-update --id ${found.id} --status resolved)`,
      );
    }
    setField(document.data, ['postIncidentReport'], {
      published: textOf(answers, 'published'),
      rootCause: textOf(answers, 'root-cause'),
      preventiveMeasures: listOf(answers, 'measure'),
    });
    return {
      file: found.file,
      text: markdownText(document),
      action: 'updated',
    };
  },
};

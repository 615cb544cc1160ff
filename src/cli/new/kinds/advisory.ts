/**
 * npm run new -- advisory / advisory-revision: a security advisory (Code of Practice 3.4, 3.5)
 * and its revisions. The severity is computed from the CVSS vector, as `check` computes it.
 */
import { isCalendarDate } from '../../../registry/calendarDate.ts';
import { scoreCvss } from '../../../registry/cvss.ts';
import { advisorySchema, remediationKinds } from '../../../registry/schema/advisory.ts';
import {
  documentsOf,
  findDocument,
  findProduct,
  newDocumentFile,
  nextId,
  NONE_YET,
  productQuestion,
  vendorName,
  type Scaffold,
} from '../context.ts';
import {
  appendTo,
  markdownText,
  newMarkdownDocument,
  readMarkdownDocument,
  ScaffoldError,
  setField,
} from '../frontMatterFile.ts';
import { bySchema, listOf, optionalTextOf, textOf } from '../questions.ts';

const fields = advisorySchema.shape;
const affectsFields = fields.affects.element.shape;
const remediationFields = fields.remediations.element.shape;

/**
 * The prefix of a portal's first advisory id: the initials of the vendor's name and "SA"
 * (security advisory), e.g. "Example Software" → "ESSA"; "SA" without a vendor name. Later ids
 * follow the prefix the portal's advisories use.
 */
export function advisoryPrefix(vendor: string | undefined): string {
  const initials = (vendor ?? '').match(/[A-Za-z]+/g)?.map((word) => word[0]!.toUpperCase()) ?? [];
  return `${initials.join('')}SA`;
}

export const advisory: Scaffold = {
  summary: 'publish a security advisory',
  questions: (context) => [
    {
      flag: 'id',
      message: 'Advisory id',
      required: true,
      placeholder: 'ID',
      default: () =>
        nextId(
          documentsOf(context, 'advisory').map((entry) => entry.id),
          context.today.slice(0, 4),
          advisoryPrefix(vendorName(context)),
        ),
      validate: bySchema(fields.id),
    },
    {
      flag: 'title',
      message: 'Short description of the vulnerability',
      required: true,
      validate: bySchema(fields.title),
    },
    {
      flag: 'summary',
      message: 'Two or three sentences for lists and feeds',
      required: true,
      validate: bySchema(fields.summary),
    },
    {
      flag: 'status',
      message: 'Status',
      type: 'choice',
      required: true,
      options: () => ['interim', 'final'],
      default: () => 'interim',
    },
    {
      flag: 'cve',
      message: 'CVE IDs',
      type: 'list',
      placeholder: 'CVE-YYYY-NNNN',
      splitOnCommas: true,
      validate: bySchema(fields.cves.unwrap().element),
    },
    {
      flag: 'cvss',
      message: 'CVSS 3.1 or 4.0 base vector',
      required: true,
      placeholder: 'VECTOR',
      validate: (vector) => {
        const scored = scoreCvss(vector);
        return scored.ok ? undefined : scored.message;
      },
    },
    productQuestion(context, 'Affected product'),
    {
      flag: 'release',
      message: 'Affected release line',
      type: 'choice',
      required: true,
      placeholder: 'LINE',
      options: (answers) => findProduct(context, String(answers['product'])).releaseLines,
    },
    {
      flag: 'affected',
      message: 'Affected versions, e.g. "1.0.0 to 1.4.1"',
      required: true,
      validate: bySchema(affectsFields.affected),
    },
    {
      flag: 'fixed',
      message: 'First fixed version (leave out if none yet)',
      placeholder: 'VERSION',
      validate: bySchema(affectsFields.fixed),
    },
    {
      flag: 'remediation',
      message: 'Remediation kind',
      type: 'choice',
      required: true,
      options: () => remediationKinds,
      default: (answers) => (answers['fixed'] ? 'fix' : 'mitigation'),
    },
    {
      flag: 'remediation-text',
      message: 'What customers should do (Markdown)',
      required: true,
      validate: bySchema(remediationFields.text),
    },
    {
      flag: 'remediation-url',
      message: 'Where to get the fix or read more',
      placeholder: 'URL',
      validate: bySchema(remediationFields.url),
    },
    {
      flag: 'credit',
      message: 'Who reported it, as they wish to be named (one per --credit)',
      type: 'list',
      validate: bySchema(fields.credits.unwrap().element),
    },
    {
      flag: 'details',
      message: 'Details for the advisory page (Markdown)',
      default: (answers) => String(answers['summary']),
    },
  ],
  draft(answers, context) {
    const id = textOf(answers, 'id');
    const file = newDocumentFile(
      context,
      'advisories',
      id,
      documentsOf(context, 'advisory').some((entry) => entry.id === id),
      `an advisory "${id}" already exists: revise it with npm run new -- advisory-revision --id ${id}`,
    );
    const vector = textOf(answers, 'cvss');
    const scored = scoreCvss(vector);
    if (!scored.ok) throw new ScaffoldError(scored.message);
    const product = findProduct(context, textOf(answers, 'product'));
    const fixed = optionalTextOf(answers, 'fixed');
    const url = optionalTextOf(answers, 'remediation-url');
    const credits = listOf(answers, 'credit');
    const document = newMarkdownDocument(
      {
        id,
        title: textOf(answers, 'title'),
        summary: textOf(answers, 'summary'),
        status: textOf(answers, 'status'),
        cves: listOf(answers, 'cve'),
        cvss: { vector, severity: scored.severity },
        affects: [
          {
            product: product.slug,
            release: textOf(answers, 'release'),
            affected: textOf(answers, 'affected'),
            ...(fixed ? { fixed } : {}),
          },
        ],
        remediations: [
          { kind: textOf(answers, 'remediation'), text: textOf(answers, 'remediation-text'), ...(url ? { url } : {}) },
        ],
        ...(credits.length > 0 ? { credits } : {}),
        revisions: [{ date: context.today, summary: 'Initial publication.' }],
      },
      optionalTextOf(answers, 'details') ?? textOf(answers, 'summary'),
    );
    return {
      file,
      text: markdownText(document),
      action: 'created',
      next: `when it changes: npm run new -- advisory-revision --id ${id}`,
    };
  },
};

export const advisoryRevision: Scaffold = {
  summary: 'revise an advisory (and mark it final)',
  questions: (context) => [
    {
      flag: 'id',
      message: 'Advisory',
      type: 'choice',
      required: true,
      placeholder: 'ID',
      options: () => documentsOf(context, 'advisory').map((entry) => entry.id),
      none: NONE_YET.advisory,
    },
    {
      flag: 'summary',
      message: 'What changed in this revision',
      required: true,
      validate: bySchema(fields.revisions.element.shape.summary),
    },
    { flag: 'final', message: 'Is the advisory final now?', type: 'yes-no' },
  ],
  draft(answers, context) {
    const found = findDocument(context, 'advisory', textOf(answers, 'id'));
    if (!isCalendarDate(context.today)) throw new ScaffoldError(`--date "${context.today}" is not a date`);
    const document = readMarkdownDocument(found.file);
    appendTo(document.data, ['revisions'], { date: context.today, summary: textOf(answers, 'summary') });
    if (answers['final'] === true) setField(document.data, ['status'], 'final');
    return {
      file: found.file,
      text: markdownText(document),
      action: 'updated',
    };
  },
};

/**
 * npm run new -- advisory / advisory-revision: a security advisory (Code of Practice 3.4, 3.5)
 * and its revisions. The severity is computed from the CVSS vector, as `check` computes it.
 */
import { writeFileSync } from 'node:fs';
import { isCalendarDate } from '../../../registry/calendarDate.ts';
import { scoreCvss } from '../../../registry/cvss.ts';
import { remediationKinds } from '../../../registry/schema/advisory.ts';
import {
  documentsOf,
  findDocument,
  findProduct,
  newDocumentFile,
  nextId,
  productQuestion,
  type Scaffold,
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
import { listOf, optionalTextOf, textOf } from '../questions.ts';

export const advisory: Scaffold = {
  summary: 'publish a security advisory',
  questions: (context) => [
    {
      flag: 'id',
      message: 'Advisory id, e.g. "KSA-2026-0013"',
      required: true,
      placeholder: 'ID',
      default: () =>
        nextId(
          documentsOf(context, 'advisory').map((entry) => entry.id),
          context.today.slice(0, 4),
          undefined,
        ),
    },
    { flag: 'title', message: 'Short description of the vulnerability', required: true },
    { flag: 'summary', message: 'Two or three sentences for lists and feeds', required: true },
    {
      flag: 'status',
      message: 'Status',
      type: 'choice',
      required: true,
      options: () => ['interim', 'final'],
      default: () => 'interim',
    },
    { flag: 'cve', message: 'CVE IDs', type: 'list', placeholder: 'CVE-YYYY-NNNN', splitOnCommas: true },
    { flag: 'cvss', message: 'CVSS 3.1 or 4.0 base vector', required: true, placeholder: 'VECTOR' },
    productQuestion(context, 'Affected product'),
    {
      flag: 'release',
      message: 'Affected release line',
      type: 'choice',
      required: true,
      placeholder: 'LINE',
      options: (answers) => findProduct(context, String(answers['product'])).releaseLines,
    },
    { flag: 'affected', message: 'Affected versions, e.g. "5.0.0 to 5.4.1"', required: true },
    { flag: 'fixed', message: 'First fixed version (leave out if none yet)', placeholder: 'VERSION' },
    {
      flag: 'remediation',
      message: 'Remediation kind',
      type: 'choice',
      required: true,
      options: () => remediationKinds,
      default: (answers) => (answers['fixed'] ? 'fix' : 'mitigation'),
    },
    { flag: 'remediation-text', message: 'What customers should do (Markdown)', required: true },
    { flag: 'remediation-url', message: 'Where to get the fix or read more', placeholder: 'URL' },
    { flag: 'credit', message: 'Who reported it, as they wish to be named (one per --credit)', type: 'list' },
    {
      flag: 'details',
      message: 'Details for the advisory page (Markdown)',
      default: (answers) => String(answers['summary']),
    },
  ],
  write(answers, context) {
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
    writeFileSync(file, markdownText(document), { flag: 'wx' });
    return { file, action: 'created', next: `when it changes: npm run new -- advisory-revision --id ${id}` };
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
    },
    { flag: 'summary', message: 'What changed in this revision', required: true },
    { flag: 'final', message: 'Is the advisory final now?', type: 'yes-no' },
  ],
  write(answers, context) {
    const found = findDocument(context, 'advisory', textOf(answers, 'id'));
    if (!isCalendarDate(context.today)) throw new ScaffoldError(`--date "${context.today}" is not a date`);
    const document = readMarkdownDocument(found.file);
    appendTo(document.data, ['revisions'], { date: context.today, summary: textOf(answers, 'summary') });
    if (answers['final'] === true) setField(document.data, ['status'], 'final');
    writeMarkdownDocument(found.file, document);
    return { file: found.file, action: 'updated' };
  },
};

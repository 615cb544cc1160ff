/**
 * npm run new -- end-of-support: announces the end of support of a release line, or moves an
 * announced date. Code of Practice 4.2: customers get at least one year's notice. The earliest
 * date the Code allows is offered, an earlier one is refused with the same words as `check`,
 * and a moved date is recorded as a change so the history stays public.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { addOneYear, isCalendarDate, wholeMonthsBetween, type CalendarDate } from '../../../registry/calendarDate.ts';
import { findProduct, productQuestion, type Scaffold } from '../context.ts';
import { appendTo, readMarkdownDocument, ScaffoldError, setField, writeMarkdownDocument } from '../frontMatterFile.ts';
import { optionalTextOf, textOf, type Answers } from '../questions.ts';

/** Why a date gives too little notice, in the words of the notice rule (src/registry/rules/notice.ts). */
export function shortNoticeReason(
  endOfSupport: CalendarDate,
  announced: CalendarDate,
  change?: { releaseLine: string; previous: CalendarDate } | undefined,
): string | undefined {
  const earliest = addOneYear(announced);
  if (endOfSupport >= earliest) return undefined;
  const months = wholeMonthsBetween(announced, endOfSupport);
  const given = months === 1 ? "1 month's" : `${months} months'`;
  return change
    ? `moving the end of support of ${change.releaseLine} earlier, to ${endOfSupport}, is a new notice: it gives ${given} notice from the change on ${announced}; the Code requires at least one year — the earliest allowed date is ${earliest} (or keep ${change.previous})`
    : `${endOfSupport} gives ${given} notice from the announcement on ${announced}; the Code requires at least one year — the earliest allowed date is ${earliest}`;
}

const dateFlag = (answers: Answers, flag: string): CalendarDate => {
  const value = textOf(answers, flag);
  if (!isCalendarDate(value)) throw new ScaffoldError(`--${flag} "${value}" is not a date written as YYYY-MM-DD`);
  return value;
};

export const endOfSupport: Scaffold = {
  summary: 'announce the end of support of a release line, or move its date',
  questions: (context) => [
    productQuestion(context, 'Product'),
    {
      flag: 'release',
      message: 'Release line',
      type: 'choice',
      required: true,
      placeholder: 'LINE',
      options: (answers) => findProduct(context, String(answers['product'])).releaseLines,
    },
    {
      flag: 'announced',
      message: 'Day the notice is published (today, unless you cite an earlier public announcement)',
      required: true,
      placeholder: 'YYYY-MM-DD',
      default: () => context.today,
    },
    {
      flag: 'end-date',
      message: 'Last day of support (at least one year after the announcement)',
      required: true,
      placeholder: 'YYYY-MM-DD',
      default: (answers) =>
        typeof answers['announced'] === 'string' && isCalendarDate(answers['announced'])
          ? addOneYear(answers['announced'])
          : undefined,
    },
    { flag: 'migration', message: 'What customers should do (Markdown)' },
    { flag: 'risk', message: 'What customers risk by staying after the date (Markdown)' },
    { flag: 'reason', message: 'Why the date changes (only when moving a date)' },
    {
      flag: 'source',
      message: 'URL of an earlier public announcement (only for a notice given before the portal)',
      placeholder: 'URL',
    },
  ],
  write(answers, context) {
    const product = findProduct(context, textOf(answers, 'product'));
    const lineName = textOf(answers, 'release');
    const index = product.releaseLines.indexOf(lineName);
    if (index === -1) {
      throw new ScaffoldError(
        `${product.slug} has no release line "${lineName}": use one of ${product.releaseLines.join(', ')}`,
      );
    }
    const announced = dateFlag(answers, 'announced');
    const date = dateFlag(answers, 'end-date');
    const document = readMarkdownDocument(product.file);
    const base = ['releases', index, 'endOfSupport'];
    const existing = document.data.getIn(base, true);
    const migration = optionalTextOf(answers, 'migration');
    const risk = optionalTextOf(answers, 'risk');
    const reason = optionalTextOf(answers, 'reason');
    const source = optionalTextOf(answers, 'source');

    if (!isMap(existing)) {
      const refusal = shortNoticeReason(date, announced);
      if (refusal) throw new ScaffoldError(refusal);
      setField(document.data, base, {
        date,
        announced,
        ...(source ? { source } : {}),
        ...(migration ? { migration } : {}),
        ...(risk ? { risk } : {}),
      });
    } else {
      const previous = String((existing as YAMLMap).get('date'));
      if (previous === date) throw new ScaffoldError(`the end of support of ${lineName} is already ${date}`);
      // A date moved earlier is a new notice, counted from the day of the change; an extension is not.
      if (date < previous) {
        const refusal = shortNoticeReason(date, announced, { releaseLine: lineName, previous });
        if (refusal) throw new ScaffoldError(refusal);
      }
      const changes = document.data.getIn([...base, 'changes'], true);
      const lastChange = isSeq(changes) ? (changes.items.at(-1) as YAMLMap | undefined) : undefined;
      const since = String(lastChange?.get('on') ?? (existing as YAMLMap).get('announced'));
      if (announced < since) {
        throw new ScaffoldError(
          `--announced ${announced} is before the last announcement on ${since}: a change is announced after it`,
        );
      }
      appendTo(document.data, [...base, 'changes'], {
        on: announced,
        from: previous,
        ...(reason ? { reason } : {}),
        ...(source ? { source } : {}),
      });
      setField(document.data, [...base, 'date'], date);
      if (migration) setField(document.data, [...base, 'migration'], migration);
      if (risk) setField(document.data, [...base, 'risk'], risk);
    }
    writeMarkdownDocument(product.file, document);
    return { file: product.file, action: 'updated' };
  },
};

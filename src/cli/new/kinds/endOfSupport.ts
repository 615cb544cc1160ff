/**
 * npm run new -- end-of-support: announces the end of support of a release line, or moves an
 * announced date. Code of Practice 4.2: customers get at least one year's notice. The earliest
 * date the Code allows is offered, an earlier one is refused with the same words as `check`,
 * and a moved date is recorded as a change so the history stays public.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { addOneYear, isCalendarDate, type CalendarDate } from '../../../registry/calendarDate.ts';
import { messages, shortNoticeReason } from '../../../registry/rules/notice.ts';
import { calendarDate, httpsUrl } from '../../../registry/schema/primitives.ts';
import { dateChangeSchema, endOfSupportSchema } from '../../../registry/schema/product.ts';
import { findProduct, productQuestion, type Scaffold, type ScaffoldContext } from '../context.ts';
import { appendTo, markdownText, readMarkdownDocument, ScaffoldError, setField } from '../frontMatterFile.ts';
import { bySchema, optionalTextOf, textOf, type Answers } from '../questions.ts';

/** The end-of-support date the chosen release line has now, if it has one. */
const publishedDate = (context: ScaffoldContext, answers: Answers): CalendarDate | undefined =>
  findProduct(context, String(answers['product'])).endOfSupport.get(String(answers['release']));

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
      validate: (value) =>
        bySchema(calendarDate)(value) ??
        (value > context.today ? messages.announcedAfterBuildDate(value, context.today).text : undefined),
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
      validate: (value, answers) => {
        const notADate = bySchema(calendarDate)(value);
        if (notADate) return notADate;
        const announced = String(answers['announced']);
        const previous = publishedDate(context, answers);
        if (previous === undefined) return shortNoticeReason(value, announced)?.text;
        if (value === previous) return `the end of support of ${String(answers['release'])} is already ${value}`;
        // A date moved earlier is a new notice, counted from the day of the change; an extension is not.
        return value < previous
          ? shortNoticeReason(value, announced, { releaseLine: String(answers['release']), previous })?.text
          : undefined;
      },
    },
    {
      flag: 'migration',
      message: 'What customers should do (Markdown)',
      validate: bySchema(endOfSupportSchema.shape.migration),
    },
    {
      flag: 'risk',
      message: 'What customers risk by staying after the date (Markdown)',
      validate: bySchema(endOfSupportSchema.shape.risk),
    },
    {
      flag: 'reason',
      message: 'Why the date changes',
      when: (answers) => publishedDate(context, answers) !== undefined,
      notApplicable: 'is only for moving a published end-of-support date',
      validate: bySchema(dateChangeSchema.shape.reason),
    },
    {
      flag: 'source',
      message: 'URL of an earlier public announcement (only for a notice given before the portal)',
      placeholder: 'URL',
      validate: bySchema(httpsUrl),
    },
  ],
  draft(answers, context) {
    const product = findProduct(context, textOf(answers, 'product'));
    const lineName = textOf(answers, 'release');
    const index = product.releaseLines.indexOf(lineName);
    if (index === -1) {
      throw new ScaffoldError(
        `${product.slug} has no release line "${lineName}": use one of ${product.releaseLines.join(', ')}`,
      );
    }
    // The answers passed the checks of their questions: the notice rule among them.
    const announced = textOf(answers, 'announced');
    const date = textOf(answers, 'end-date');
    const document = readMarkdownDocument(product.file);
    const base = ['releases', index, 'endOfSupport'];
    const existing = document.data.getIn(base, true);
    const migration = optionalTextOf(answers, 'migration');
    const risk = optionalTextOf(answers, 'risk');
    const reason = optionalTextOf(answers, 'reason');
    const source = optionalTextOf(answers, 'source');

    if (!isMap(existing)) {
      setField(document.data, base, {
        date,
        announced,
        ...(source ? { source } : {}),
        ...(migration ? { migration } : {}),
        ...(risk ? { risk } : {}),
      });
    } else {
      const previous = String(existing.get('date'));
      const changes = document.data.getIn([...base, 'changes'], true);
      const lastChange = isSeq(changes) ? (changes.items.at(-1) as YAMLMap | undefined) : undefined;
      const since = String(lastChange?.get('on') ?? existing.get('announced'));
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
    return {
      file: product.file,
      text: markdownText(document),
      action: 'updated',
    };
  },
};

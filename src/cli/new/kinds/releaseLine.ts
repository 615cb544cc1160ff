/**
 * npm run new -- release-line: adds a release line to a product, in the order the file already
 * uses (newest first or oldest first), and can name it as the successor of an older line.
 */
import { isSeq, type YAMLMap } from 'yaml';
import { findProduct, NO_SUPPORT_LEVELS, productQuestion, supportLevelIds, type Scaffold } from '../context.ts';
import { calendarDate, releaseLineName } from '../../../registry/schema/primitives.ts';
import { markdownText, readMarkdownDocument, ScaffoldError, yamlNode } from '../frontMatterFile.ts';
import { bySchema, optionalTextOf, textOf } from '../questions.ts';

export const releaseLine: Scaffold = {
  summary: 'add a release line to a product',
  questions: (context) => [
    productQuestion(context, 'Product'),
    { flag: 'name', message: 'Release line, e.g. "7.x"', required: true, validate: bySchema(releaseLineName) },
    {
      flag: 'released',
      message: 'General availability date',
      required: true,
      placeholder: 'YYYY-MM-DD',
      default: () => context.today,
      validate: bySchema(calendarDate),
    },
    {
      flag: 'level',
      message: 'Support level',
      type: 'choice',
      required: true,
      options: () => supportLevelIds(context),
      none: NO_SUPPORT_LEVELS,
      default: () => supportLevelIds(context)[0],
    },
    {
      flag: 'successor-of',
      message: 'Older release line whose customers should move to this one',
      placeholder: 'LINE',
    },
  ],
  draft(answers, context) {
    const product = findProduct(context, textOf(answers, 'product'));
    const name = textOf(answers, 'name');
    if (product.releaseLines.includes(name)) {
      throw new ScaffoldError(`${product.slug} already has a release line "${name}"`);
    }
    const replaces = optionalTextOf(answers, 'successor-of');
    if (replaces !== undefined && !product.releaseLines.includes(replaces)) {
      throw new ScaffoldError(
        `${product.slug} has no release line "${replaces}": use one of ${product.releaseLines.join(', ')}`,
      );
    }
    const document = readMarkdownDocument(product.file);
    const releases = document.data.get('releases', true);
    if (!isSeq(releases)) throw new ScaffoldError(`${product.file} has no releases list: fix it first`);
    const line = yamlNode(document.data, {
      name,
      released: textOf(answers, 'released'),
      phases: [{ level: textOf(answers, 'level') }],
    });
    const dates = releases.items.map((item) => String((item as YAMLMap).get('released')));
    const newestFirst = dates.length > 1 && dates[0]! > dates.at(-1)!;
    if (newestFirst || dates.length === 1) releases.items.unshift(line);
    else releases.items.push(line);
    if (replaces !== undefined) {
      const older = releases.items.find((item) => String((item as YAMLMap).get('name')) === replaces) as YAMLMap;
      older.set('successor', name);
    }
    return {
      file: product.file,
      text: markdownText(document),
      action: 'updated',
    };
  },
};

/** npm run new -- product: a new product file with its first release line in full support. */
import { markdownText, newMarkdownDocument } from '../frontMatterFile.ts';
import {
  newDocumentFile,
  NO_SUPPORT_LEVELS,
  productsIn,
  slugify,
  supportLevelIds,
  vendorName,
  type Scaffold,
} from '../context.ts';
import { productSchema } from '../../../registry/schema/product.ts';
import { calendarDate, httpsUrl, releaseLineName } from '../../../registry/schema/primitives.ts';
import { bySchema, optionalTextOf, textOf } from '../questions.ts';

const fields = productSchema.shape;

export const product: Scaffold = {
  summary: 'add a product with its first release line',
  questions: (context) => [
    { flag: 'name', message: 'Product name, as customers know it', required: true, validate: bySchema(fields.name) },
    {
      flag: 'slug',
      message: 'URL name (/products/<slug>/)',
      required: true,
      placeholder: 'SLUG',
      default: (answers) => (typeof answers['name'] === 'string' ? slugify(answers['name']) : undefined),
      validate: bySchema(fields.slug),
    },
    { flag: 'summary', message: 'One sentence for the catalogue', required: true, validate: bySchema(fields.summary) },
    {
      flag: 'category',
      message: 'Catalogue category, e.g. "Networking"',
      required: true,
      validate: bySchema(fields.category),
    },
    {
      flag: 'purl',
      message: 'Package URL without version',
      placeholder: 'PURL',
      default: (answers) =>
        typeof answers['slug'] === 'string'
          ? `pkg:generic/${slugify(vendorName(context) ?? 'vendor').split('-')[0]}/${answers['slug']}`
          : undefined,
      validate: bySchema(fields.identifiers.shape.purl),
    },
    {
      flag: 'cpe',
      message: 'CPE 2.3 name, version part "*"',
      placeholder: 'CPE',
      validate: bySchema(fields.identifiers.shape.cpe),
    },
    {
      flag: 'updates-url',
      message: 'Documentation: how to install updates',
      required: true,
      placeholder: 'URL',
      validate: bySchema(httpsUrl),
    },
    {
      flag: 'secure-use-url',
      message: 'Documentation: how to use the product securely',
      required: true,
      placeholder: 'URL',
      validate: bySchema(httpsUrl),
    },
    {
      flag: 'support-owner',
      message: 'Who owns support (team or role)',
      required: true,
      validate: bySchema(fields.supportOwner),
    },
    {
      flag: 'release',
      message: 'First release line, e.g. "1.x"',
      required: true,
      default: () => '1.x',
      validate: bySchema(releaseLineName),
    },
    {
      flag: 'released',
      message: 'Its general availability date',
      required: true,
      placeholder: 'YYYY-MM-DD',
      default: () => context.today,
      validate: bySchema(calendarDate),
    },
    {
      flag: 'level',
      message: 'Its support level',
      type: 'choice',
      required: true,
      options: () => supportLevelIds(context),
      none: NO_SUPPORT_LEVELS,
      default: () => supportLevelIds(context)[0],
    },
    {
      flag: 'description',
      message: 'Description (Markdown; the page text)',
      default: (answers) => String(answers['summary']),
    },
  ],
  draft(answers, context) {
    const slug = textOf(answers, 'slug');
    const file = newDocumentFile(
      context,
      'products',
      slug,
      productsIn(context).some((entry) => entry.slug === slug),
      `a product "${slug}" already exists: choose another --slug`,
    );
    const purl = optionalTextOf(answers, 'purl');
    const cpe = optionalTextOf(answers, 'cpe');
    const document = newMarkdownDocument(
      {
        slug,
        name: textOf(answers, 'name'),
        summary: textOf(answers, 'summary'),
        category: textOf(answers, 'category'),
        identifiers: { ...(purl ? { purl } : {}), ...(cpe ? { cpe } : {}) },
        docs: { updates: textOf(answers, 'updates-url'), secureUse: textOf(answers, 'secure-use-url') },
        supportOwner: textOf(answers, 'support-owner'),
        releases: [
          {
            name: textOf(answers, 'release'),
            released: textOf(answers, 'released'),
            phases: [{ level: textOf(answers, 'level') }],
          },
        ],
      },
      optionalTextOf(answers, 'description') ?? textOf(answers, 'summary'),
    );
    return {
      file,
      text: markdownText(document),
      action: 'created',
      next:
        'when its end of support is decided: ' +
        `npm run new -- end-of-support --product ${slug} --release ${textOf(answers, 'release')}`,
    };
  },
};

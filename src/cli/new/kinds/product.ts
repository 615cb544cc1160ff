/** npm run new -- product: a new product file with its first release line in full support. */
import { writeFileSync } from 'node:fs';
import { markdownText, newMarkdownDocument } from '../frontMatterFile.ts';
import { newDocumentFile, productsIn, slugify, supportLevelIds, vendorName, type Scaffold } from '../context.ts';
import { optionalTextOf, textOf } from '../questions.ts';

export const product: Scaffold = {
  summary: 'add a product with its first release line',
  questions: (context) => [
    { flag: 'name', message: 'Product name, e.g. "Kestrel Edge Gateway"', required: true },
    {
      flag: 'slug',
      message: 'URL name (/products/<slug>/)',
      required: true,
      placeholder: 'SLUG',
      default: (answers) => (typeof answers['name'] === 'string' ? slugify(answers['name']) : undefined),
    },
    { flag: 'summary', message: 'One sentence for the catalogue', required: true },
    { flag: 'category', message: 'Catalogue category, e.g. "Networking"', required: true },
    {
      flag: 'purl',
      message: 'Package URL without version',
      placeholder: 'PURL',
      default: (answers) =>
        typeof answers['slug'] === 'string'
          ? `pkg:generic/${slugify(vendorName(context) ?? 'vendor').split('-')[0]}/${answers['slug']}`
          : undefined,
    },
    { flag: 'cpe', message: 'CPE 2.3 name, version part "*"', placeholder: 'CPE' },
    { flag: 'updates-url', message: 'Documentation: how to install updates', required: true, placeholder: 'URL' },
    {
      flag: 'secure-use-url',
      message: 'Documentation: how to use the product securely',
      required: true,
      placeholder: 'URL',
    },
    { flag: 'support-owner', message: 'Who owns support (team or role)', required: true },
    { flag: 'release', message: 'First release line, e.g. "1.x"', required: true, default: () => '1.x' },
    {
      flag: 'released',
      message: 'Its general availability date',
      required: true,
      placeholder: 'YYYY-MM-DD',
      default: () => context.today,
    },
    {
      flag: 'level',
      message: 'Its support level',
      type: 'choice',
      required: true,
      options: () => supportLevelIds(context),
      default: () => supportLevelIds(context)[0],
    },
    {
      flag: 'description',
      message: 'Description (Markdown; the page text)',
      default: (answers) => String(answers['summary']),
    },
  ],
  write(answers, context) {
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
    writeFileSync(file, markdownText(document), { flag: 'wx' });
    return {
      file,
      action: 'created',
      next: `when its end of support is decided: npm run new -- end-of-support --product ${slug} --release ${textOf(answers, 'release')}`,
    };
  },
};

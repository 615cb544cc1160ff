/** Ids and slugs are unique (docs/architecture.md, "The rules"): two documents can never claim one URL. */
import { parsed, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

export function checkUniqueness(documents: ParsedDocuments, context: RuleContext): void {
  unique(documents.products, (product) => product.slug, 'slug', 'product slugs', context);
  unique(documents.incidents, (incident) => incident.id, 'id', 'incident ids', context);
  unique(documents.advisories, (advisory) => advisory.id, 'id', 'advisory ids', context);
  unique(documents.policies, (policy) => policy.slug, 'slug', 'policy slugs', context);
  // A security incident's CSAF document sits beside the advisories', named by its id.
  const advisoryIds = new Set(
    documents.advisories
      .filter((advisory) => parsed(advisory, ['id']))
      .map((advisory) => advisory.data.id.toLowerCase()),
  );
  for (const incident of documents.incidents) {
    if (parsed(incident, ['id']) && advisoryIds.has(incident.data.id.toLowerCase())) {
      reportAt(
        context,
        'error',
        incident,
        ['id'],
        `"${incident.data.id}" is also the id of an advisory: an incident and an advisory cannot share an id (their CSAF documents would be one file); choose another`,
      );
    }
  }

  const levels = new Map<string, number>();
  const supportLevels = documents.supportLevels;
  supportLevels?.data.levels.forEach((level, index) => {
    if (!parsed(supportLevels, ['levels', index, 'id'])) return;
    const first = levels.get(level.id);
    if (first !== undefined) {
      reportAt(
        context,
        'error',
        supportLevels,
        ['levels', index, 'id'],
        `"${level.id}" is already the id of levels[${first}]: ids must be unique`,
      );
    } else levels.set(level.id, index);
  });

  for (const product of documents.products) {
    const names = new Map<string, number>();
    product.data.releases.forEach((releaseLine, index) => {
      if (!parsed(product, ['releases', index, 'name'])) return;
      const first = names.get(releaseLine.name);
      if (first !== undefined) {
        reportAt(
          context,
          'error',
          product,
          ['releases', index, 'name'],
          `"${releaseLine.name}" is already the name of releases[${first}]: release line names must be unique in a product`,
        );
      } else names.set(releaseLine.name, index);
    });
  }
}

function unique<Data>(
  documents: Parsed<Data>[],
  keyOf: (data: Data) => string,
  field: 'id' | 'slug',
  what: string,
  context: RuleContext,
): void {
  const seen = new Map<string, Parsed<Data>>();
  for (const document of documents) {
    if (!parsed(document, [field])) continue;
    const key = keyOf(document.data);
    // URLs are compared case-insensitively by many hosts: "INC-1" and "inc-1" would collide.
    const first = seen.get(key.toLowerCase());
    if (first) {
      reportAt(
        context,
        'error',
        document,
        [field],
        `"${key}" is already used by ${first.source.file}: ${what} must be unique; choose another`,
      );
    } else seen.set(key.toLowerCase(), document);
  }
}

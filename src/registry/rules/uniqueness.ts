/** Ids and slugs are unique (docs/architecture.md, "The rules"): two documents can never claim one URL. */
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  incidentIdIsAdvisoryId: (id: string) =>
    `"${id}" is also the id of an advisory: an incident and an advisory cannot share an id (their CSAF ` +
    'documents would be one file); choose another',
  levelIdTaken: (id: string, first: number) => `"${id}" is already the id of levels[${first}]: ids must be unique`,
  releaseLineNameTaken: (name: string, first: number) =>
    `"${name}" is already the name of releases[${first}]: release line names must be unique in a product`,
  idTaken: (key: string, firstFile: string, what: string) =>
    `"${key}" is already used by ${firstFile}: ${what} must be unique; choose another`,
});

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
      reportAt(context, 'error', incident, ['id'], messages.incidentIdIsAdvisoryId(incident.data.id));
    }
  }

  const levels = new Map<string, number>();
  const supportLevels = documents.supportLevels;
  supportLevels?.data.levels.forEach((level, index) => {
    if (!parsed(supportLevels, ['levels', index, 'id'])) return;
    const first = levels.get(level.id);
    if (first !== undefined) {
      reportAt(context, 'error', supportLevels, ['levels', index, 'id'], messages.levelIdTaken(level.id, first));
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
          messages.releaseLineNameTaken(releaseLine.name, first),
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
      reportAt(context, 'error', document, [field], messages.idTaken(key, first.source.file, what));
    } else seen.set(key.toLowerCase(), document);
  }
}

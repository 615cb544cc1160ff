/**
 * Published facts are append-only (docs/editor-guide.md, "Correct a published fact"): what git
 * has published about an incident or an advisory is the record customers relied on.
 *
 * - Incidents: a published update keeps its time, status and text; impact and the affected
 *   products change only with a new update whose "corrects" says so.
 * - Advisories: a published CVE ID, affected range, fixed version, CVSS vector or severity changes
 *   only with a new revision whose "corrects" says so (its summary says why); a published revision
 *   stays.
 * - Prose is not a fact: titles, summaries, descriptions, remediations, credits and post-incident
 *   reports change freely, and so does a typo in an update's text or a revision's summary
 *   (isTypoCorrection).
 *
 * A silent change is refused naming the commit that first published the value, the old and new
 * values and the entry to add, as the notice rule does for end-of-support dates.
 */
import type { CvssResult } from '../cvss.ts';
import { scoreCvss } from '../cvss.ts';
import type { FirstPublication } from '../git/publicationHistory.ts';
import { correctedFieldWords, incidentAffectsText, releaseLineText, utcInstant, yamlValue } from '../corrections.ts';
import { messageCatalogue, type FieldPath } from '../problems.ts';
import type { AdvisoryData } from '../schema/advisory.ts';
import type { IncidentData } from '../schema/incident.ts';
import { parsed, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

// ——— messages ———

interface Correction {
  readonly field: string;
  readonly was: string;
}

const commitOf = (publication: FirstPublication) =>
  `on ${publication.date} (commit ${publication.commit.slice(0, 10)})`;

const correctsList = (corrections: readonly Correction[]) =>
  `[${corrections.map((correction) => `{ field: ${correction.field}, was: ${yamlValue(correction.was)} }`).join(', ')}]`;

/** The entry that corrects an incident: a new update saying so. */
export const addUpdateFix = (status: string, corrections: readonly Correction[]) =>
  `add { at: <the time of the correction>, status: ${status}, text: <what was wrong and why>, corrects: ${correctsList(corrections)} } to "updates"`;

/** The entry that corrects an advisory: a new revision saying so. */
export const addRevisionFix = (corrections: readonly Correction[]) =>
  `add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: ${correctsList(corrections)} } to "revisions"`;

/** The rule's messages. */
export const messages = messageCatalogue({
  /** A published value that now reads otherwise. */
  changedFact: (what: string, published: string, publication: FirstPublication, now: string, fix: string, after = '') =>
    `git published ${what} ${yamlValue(published)} ${commitOf(publication)}, and it now reads ${yamlValue(now)}: customers were told ${yamlValue(published)}, so changing it is a correction — ${fix}${after}`,
  /** A published value that is gone. */
  removedFact: (what: string, published: string, publication: FirstPublication, fix: string) =>
    `git published ${what} ${yamlValue(published)} ${commitOf(publication)}, and it is no longer here: customers were told it, so removing it is a correction — ${fix}`,
  /** An update whose time is corrected, without the key its feed item was published with. */
  feedKeyLost: (index: number, key: string, publication: FirstPublication) =>
    `git published updates[${index}] with the feed key ${key} ${commitOf(publication)}, and its time is corrected: add key: ${yamlValue(key)} to updates[${index}], so its feed item keeps its id`,
  /** A published update is gone. */
  removedUpdate: (index: number, update: PublishedUpdate, publication: FirstPublication) =>
    `git published the update of ${update.at} ${commitOf(publication)}, and it is no longer in "updates": a published update stays — restore { at: ${yamlValue(update.at)}, status: ${update.status}, text: ${yamlValue(update.text)} } as updates[${index}]; to say it was wrong, add a new update that says so`,
  /** A published revision is gone or rewritten. */
  rewrittenRevision: (index: number, revision: PublishedRevision, publication: FirstPublication) =>
    `git published revisions[${index}] { date: ${revision.date}, summary: ${yamlValue(revision.summary)} } ${commitOf(publication)}, and it ${revision.now === undefined ? 'is no longer here' : `now reads { date: ${revision.now.date}, summary: ${yamlValue(revision.now.summary)} }`}: a published revision stays — restore it as revisions[${index}] and add a new revision after the others for what changed`,
});

/** An update whose time is corrected keeps the key its feed item was published with. */
export const keepFeedKey = (index: number, key: string) =>
  `also add key: ${yamlValue(key)} to updates[${index}], so its feed item keeps its id`;

/** After a refused change of an update's text: what a typo fix may change. */
export const TYPO_HINT = ' (fixing a typo needs no correction: change at most one character in twenty, and no number)';

// ——— prose ———

/**
 * Whether `after` fixes typos in `before` rather than saying something else: the same numbers
 * (times, versions, counts) in the same order, and at most one character in twenty changed
 * (at least three: "teh" → "the"), spacing aside.
 */
export function isTypoCorrection(before: string, after: string): boolean {
  const words = (text: string) => text.trim().replace(/\s+/g, ' ');
  const [a, b] = [words(before), words(after)];
  if (a === b) return true;
  const numbers = (text: string) => (text.match(/\d+(?:[.:,]\d+)*/g) ?? []).join(' ');
  if (numbers(a) !== numbers(b)) return false;
  const allowed = Math.max(3, Math.floor(Math.max(a.length, b.length) / 20));
  return editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

// ——— the rule ———

export function checkPublishedFacts(documents: ParsedDocuments, context: RuleContext): void {
  const history = context.history();
  if (history.state === 'checked') return;
  if (history.state !== 'complete') {
    context.skipped('publishedFactsKept');
    return;
  }
  for (const incident of documents.incidents) {
    const versions = history.publishedVersions(incident.source.file);
    if (versions.length > 0) checkIncident(incident, versions, context);
  }
  for (const advisory of documents.advisories) {
    const versions = history.publishedVersions(advisory.source.file);
    if (versions.length > 0) checkAdvisory(advisory, versions, context);
  }
}

/** The first commit that published each value of a fact. */
class Published {
  readonly values = new Map<string, FirstPublication>();
  add(value: string | undefined, publication: FirstPublication): void {
    if (value !== undefined && !this.values.has(value)) this.values.set(value, publication);
  }
}

const correctionKey = (where: string, field: string | undefined, was: string | undefined) =>
  `${where}\0${field}\0${field?.endsWith('.at') && was !== undefined ? utcInstant(was) : was}`;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const fields = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

interface PublishedUpdate {
  at: string;
  status: string;
  text: string;
}

/** An update's feed key: the key written, else its time (src/outputs/feeds/events.ts). */
const updateKey = (update: { key?: unknown; at?: unknown }) => utcInstant(text(update.key) ?? text(update.at) ?? '');

function checkIncident(
  incident: Parsed<IncidentData>,
  versions: readonly { data: unknown; published: FirstPublication }[],
  context: RuleContext,
): void {
  const data = incident.data;
  const impact = new Published();
  const affects = new Published();
  const updates = new Map<string, { first: PublishedUpdate; index: number; published: FirstPublication }>();
  const updateFacts = new Map<string, { at: Published; status: Published; text: Published }>();
  /** The corrections each published update was published with. */
  const publishedCorrections = new Set<string>();
  for (const { data: version, published } of versions) {
    const front = fields(version);
    impact.add(text(front['impact']), published);
    const versionAffects = list(front['affects']).map(fields);
    if (versionAffects.length > 0) {
      affects.add(
        incidentAffectsText(
          versionAffects.map((entry) => ({
            product: text(entry['product']) ?? '',
            releases: Array.isArray(entry['releases']) ? entry['releases'].map(String) : undefined,
          })),
        ),
        published,
      );
    }
    list(front['updates']).forEach((raw, index) => {
      const update = fields(raw);
      const at = text(update['at']);
      const status = text(update['status']);
      const body = text(update['text']);
      if (at === undefined || status === undefined || body === undefined) return;
      const key = updateKey(update);
      if (!updates.has(key)) {
        updates.set(key, { first: { at: utcInstant(at), status, text: body }, index, published });
        updateFacts.set(key, { at: new Published(), status: new Published(), text: new Published() });
      }
      const facts = updateFacts.get(key)!;
      for (const entry of list(update['corrects']).map(fields)) {
        publishedCorrections.add(correctionKey(key, text(entry['field']), text(entry['was'])));
      }
      facts.at.add(utcInstant(at), published);
      facts.status.add(status, published);
      facts.text.add(body, published);
    });
  }

  const corrections = new Set<string>();
  for (const update of data.updates ?? []) {
    const key = update && updateKey(update);
    for (const correction of update?.corrects ?? []) {
      // A correction is posted in an update of its own: one slipped into a published update does not count.
      if (key && updates.has(key) && !publishedCorrections.has(correctionKey(key, correction.field, correction.was)))
        continue;
      const was = correction.field.endsWith('.at') ? utcInstant(correction.was) : correction.was;
      corrections.add(`${correction.field}\0${was}`);
    }
  }
  const corrected = (field: string, was: string) => corrections.has(`${field}\0${was}`);
  const lastStatus = data.updates?.at(-1)?.status ?? 'monitoring';
  const fix = (correction: Correction) => addUpdateFix(lastStatus, [correction]);
  const words = (field: string) => correctedFieldWords(field, () => undefined);

  /** Each published value of a fact other than `now` needs a correction. */
  const checkFact = (facts: Published, field: string, path: FieldPath, now: string, extra = '') => {
    for (const [value, published] of facts.values) {
      if (value === now || corrected(field, value)) continue;
      reportAt(
        context,
        'error',
        incident,
        path,
        messages.changedFact(words(field), value, published, now, fix({ field, was: value }), extra),
      );
    }
  };

  if (parsed(incident, ['impact'])) checkFact(impact, 'impact', ['impact'], data.impact);
  if (parsed(incident, ['affects'])) checkFact(affects, 'affects', ['affects'], incidentAffectsText(data.affects));
  if (!parsed(incident, ['updates'])) return;

  const currentKeys = new Map(data.updates.map((update, index) => [updateKey(update), index]));
  for (const [key, { first, index: publishedIndex, published }] of updates) {
    let index = currentKeys.get(key);
    let keyLost = false;
    if (index === undefined) {
      // The same place holds an update git never published: the published one, rewritten.
      const inPlace = data.updates[publishedIndex];
      if (inPlace && !updates.has(updateKey(inPlace))) {
        index = publishedIndex;
        keyLost = true;
      }
    }
    if (index === undefined) {
      reportAt(context, 'error', incident, ['updates'], messages.removedUpdate(publishedIndex, first, published));
      continue;
    }
    if (!parsed(incident, ['updates', index])) continue;
    const update = data.updates[index]!;
    const facts = updateFacts.get(key)!;
    const atField = `updates[${index}].at`;
    const atNow = utcInstant(update.at);
    const missing = [...facts.at.values].filter(([value]) => value !== atNow && !corrected(atField, value));
    for (const [value, publication] of missing) {
      reportAt(
        context,
        'error',
        incident,
        ['updates', index, 'at'],
        messages.changedFact(
          words(atField),
          value,
          publication,
          atNow,
          fix({ field: atField, was: value }),
          keyLost ? `; ${keepFeedKey(index, key)}` : '',
        ),
      );
    }
    if (keyLost && missing.length === 0) {
      reportAt(context, 'error', incident, ['updates', index, 'key'], messages.feedKeyLost(index, key, published));
    }
    checkFact(facts.status, `updates[${index}].status`, ['updates', index, 'status'], update.status);
    const textField = `updates[${index}].text`;
    for (const [value, publication] of facts.text.values) {
      if (isTypoCorrection(value, update.text) || corrected(textField, value)) continue;
      reportAt(
        context,
        'error',
        incident,
        ['updates', index, 'text'],
        messages.changedFact(
          words(textField),
          value,
          publication,
          update.text,
          fix({ field: textField, was: value }),
          TYPO_HINT,
        ),
      );
    }
  }
}

interface PublishedRevision {
  date: string;
  summary: string;
  now: { date: string; summary: string } | undefined;
}

function checkAdvisory(
  advisory: Parsed<AdvisoryData>,
  versions: readonly { data: unknown; published: FirstPublication }[],
  context: RuleContext,
): void {
  const data = advisory.data;
  const cves = new Published();
  const vector = new Published();
  const severity = new Published();
  const lines = new Map<string, { affected: Published; fixed: Published }>();
  const revisions: { date: string; summary: string; published: FirstPublication }[] = [];
  /** The corrections each published revision was published with. */
  const publishedCorrections = new Set<string>();
  for (const { data: version, published } of versions) {
    const front = fields(version);
    for (const cve of list(front['cves'])) cves.add(text(cve), published);
    const cvss = fields(front['cvss']);
    vector.add(text(cvss['vector']), published);
    severity.add(text(cvss['severity']), published);
    for (const raw of list(front['affects'])) {
      const entry = fields(raw);
      const product = text(entry['product']);
      const release = text(entry['release']);
      if (product === undefined || release === undefined) continue;
      const key = releaseLineText({ product, release });
      if (!lines.has(key)) lines.set(key, { affected: new Published(), fixed: new Published() });
      lines.get(key)!.affected.add(text(entry['affected']), published);
      lines.get(key)!.fixed.add(text(entry['fixed']), published);
    }
    list(front['revisions']).forEach((raw, index) => {
      const revision = fields(raw);
      const date = text(revision['date']);
      const summary = text(revision['summary']);
      if (revisions[index] === undefined && date !== undefined && summary !== undefined) {
        revisions[index] = { date, summary, published };
      }
      for (const entry of list(revision['corrects']).map(fields)) {
        publishedCorrections.add(correctionKey(String(index), text(entry['field']), text(entry['was'])));
      }
    });
  }

  const corrections = new Set<string>();
  (data.revisions ?? []).forEach((revision, index) => {
    for (const correction of revision?.corrects ?? []) {
      // A correction is a revision of its own: one slipped into a published revision does not count.
      const key = correctionKey(String(index), correction.field, correction.was);
      if (revisions[index] !== undefined && !publishedCorrections.has(key)) continue;
      corrections.add(`${correction.field}\0${correction.was}`);
    }
  });
  const corrected = (field: string, was: string) => corrections.has(`${field}\0${was}`);
  const words = (field: string) =>
    correctedFieldWords(field, (index) => {
      const entry = data.affects?.[index];
      return entry && releaseLineText(entry);
    });
  const checkFact = (facts: Published, field: string, path: FieldPath, now: string | undefined) => {
    for (const [value, published] of facts.values) {
      if (value === now || corrected(field, value)) continue;
      const fix = addRevisionFix([{ field, was: value }]);
      const message =
        now === undefined
          ? messages.removedFact(words(field), value, published, fix)
          : messages.changedFact(words(field), value, published, now, fix);
      reportAt(context, 'error', advisory, path, message);
    }
  };

  if (parsed(advisory, ['cves'])) {
    const current = new Set(data.cves);
    for (const [cve, published] of cves.values) {
      if (current.has(cve) || corrected('cves', cve)) continue;
      reportAt(
        context,
        'error',
        advisory,
        ['cves'],
        messages.removedFact('the CVE ID', cve, published, addRevisionFix([{ field: 'cves', was: cve }])),
      );
    }
  }
  if (parsed(advisory, ['cvss', 'vector'])) {
    checkFact(vector, 'cvss.vector', ['cvss', 'vector'], data.cvss.vector);
    const scored: CvssResult = scoreCvss(data.cvss.vector);
    const severityNow = data.cvss.severity ?? (scored.ok ? scored.severity : undefined);
    if (severityNow !== undefined && parsed(advisory, ['cvss', 'severity'])) {
      checkFact(severity, 'cvss.severity', ['cvss', 'severity'], severityNow);
    }
  }
  if (parsed(advisory, ['affects'])) {
    const current = new Map(data.affects.map((entry, index) => [releaseLineText(entry), index]));
    for (const [line, facts] of lines) {
      const index = current.get(line);
      if (index === undefined) {
        const published = [...facts.affected.values][0]?.[1];
        if (!published || corrected('affects', line)) continue;
        reportAt(
          context,
          'error',
          advisory,
          ['affects'],
          messages.removedFact(
            'the affected release line',
            line,
            published,
            addRevisionFix([{ field: 'affects', was: line }]),
          ),
        );
        continue;
      }
      if (!parsed(advisory, ['affects', index])) continue;
      const entry = data.affects[index]!;
      checkFact(facts.affected, `affects[${index}].affected`, ['affects', index, 'affected'], entry.affected);
      checkFact(facts.fixed, `affects[${index}].fixed`, ['affects', index, 'fixed'], entry.fixed);
    }
  }
  if (parsed(advisory, ['revisions'])) {
    revisions.forEach((revision, index) => {
      const now = data.revisions[index];
      if (now && !parsed(advisory, ['revisions', index])) return;
      if (now && now.date === revision.date && isTypoCorrection(revision.summary, now.summary)) return;
      reportAt(
        context,
        'error',
        advisory,
        now ? ['revisions', index] : ['revisions'],
        messages.rewrittenRevision(index, { ...revision, now }, revision.published),
      );
    });
  }
}

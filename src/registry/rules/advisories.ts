/**
 * Advisories (Code of Practice 3.4, 3.5): the CVSS vector parses and the stated severity is
 * the one computed from it; revisions are in order and not in the future; affected versions are
 * a range tools can match (a warning: free text is still published).
 */
import { scoreCvss } from '../cvss.ts';
import { isReversedRange, readVersionRange, VERSION_RANGE_FORMS } from '../versionRange.ts';
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  reversedRange: (range: string) =>
    `"${range}" ends before it starts, so no version is in it: write the lower version first`,
  unmatchableRange: (range: string, releaseLine: string) =>
    `"${range}" is not a version range vulnerability tools can match, so the CSAF document names all of ` +
    `${releaseLine} as affected: write ${VERSION_RANGE_FORMS}`,
  /** What the CVSS library found wrong with the vector (src/registry/cvss.ts). */
  invalidVector: (reason: string) => reason,
  severityMismatch: (written: string, score: number, computed: string) =>
    `"${written}" does not match the vector, which scores ${score.toFixed(1)} (${computed}): set severity to ` +
    `"${computed}" or correct the vector`,
  revisionBeforePrevious: (date: string, previous: string) =>
    `${date} is before the previous revision (${previous}): list revisions oldest first`,
  revisionAfterBuildDate: (date: string, buildDate: string) =>
    `${date} is after the build date ${buildDate}: a revision is dated the day it is published`,
  cveListedTwice: (cve: string) => `${cve} is listed twice: keep one`,
});

export function checkAdvisories(documents: ParsedDocuments, context: RuleContext): void {
  for (const advisory of documents.advisories) {
    const { cvss, revisions, cves, affects } = advisory.data;
    // A field that failed its schema is already reported: the checks that read it are skipped.
    affects.forEach((affected, index) => {
      if (!parsed(advisory, ['affects', index, 'affected'], ['affects', index, 'release'])) return;
      if (readVersionRange(affected.affected)) return;
      if (isReversedRange(affected.affected)) {
        reportAt(context, 'error', advisory, ['affects', index, 'affected'], messages.reversedRange(affected.affected));
        return;
      }
      reportAt(
        context,
        'warning',
        advisory,
        ['affects', index, 'affected'],
        messages.unmatchableRange(affected.affected, affected.release),
      );
    });
    const scored = parsed(advisory, ['cvss', 'vector']) ? scoreCvss(cvss.vector) : undefined;
    if (scored && !scored.ok) {
      reportAt(context, 'error', advisory, ['cvss', 'vector'], messages.invalidVector(scored.message));
    } else if (
      scored?.ok &&
      cvss.severity !== undefined &&
      parsed(advisory, ['cvss', 'severity']) &&
      cvss.severity !== scored.severity
    ) {
      reportAt(
        context,
        'error',
        advisory,
        ['cvss', 'severity'],
        messages.severityMismatch(cvss.severity, scored.score, scored.severity),
      );
    }
    revisions.forEach((revision, index) => {
      if (!parsed(advisory, ['revisions', index, 'date'])) return;
      const previous = parsed(advisory, ['revisions', index - 1, 'date']) ? revisions[index - 1] : undefined;
      if (previous && revision.date < previous.date) {
        reportAt(
          context,
          'error',
          advisory,
          ['revisions', index, 'date'],
          messages.revisionBeforePrevious(revision.date, previous.date),
        );
      }
      if (revision.date > context.buildDate) {
        reportAt(
          context,
          'error',
          advisory,
          ['revisions', index, 'date'],
          messages.revisionAfterBuildDate(revision.date, context.buildDate),
        );
      }
    });
    // A CVE ID that failed is a hole in the list: forEach and indexOf skip it.
    cves.forEach((cve, index) => {
      if (cves.indexOf(cve) !== index) {
        reportAt(context, 'error', advisory, ['cves', index], messages.cveListedTwice(cve));
      }
    });
  }
}

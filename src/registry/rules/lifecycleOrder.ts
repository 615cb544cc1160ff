/**
 * Phases are in order, and the lifecycle dates follow OpenEoX ordering:
 * general availability ≤ end of sales ≤ end of security support ≤ end of life.
 */
import { addOneYear, monthsBetweenInWords } from '../calendarDate.ts';
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  lastPhaseUntilEndOfSupport: (endOfSupport: string) =>
    `the last phase runs until the end of support (${endOfSupport}): remove "until" here`,
  lastPhaseUntilUnannounced: () =>
    'the last phase runs until the end of support: remove "until" here and announce the date in endOfSupport ' +
    '(date and announced), which the one-year notice rule checks',
  lastPhaseUntil: () => 'the last phase runs until the end of support: remove "until" here',
  phaseUntilMissing: () => 'is required: every phase but the last needs its last day',
  phasesOutOfOrder: (until: string, previous: string) => `${until} is before ${previous}: phases must be in order`,
  phaseAfterEndOfSupport: (until: string, endOfSupport: string) =>
    `${until} is not before the end of support (${endOfSupport}): a phase must end before support does`,
  supportEndsBeforeRelease: (endOfSupport: string, released: string) =>
    `${endOfSupport} is before the release date ${released}: support cannot end before it starts`,
  salesEndBeforeRelease: (endOfSales: string, released: string) =>
    `${endOfSales} is before the release date ${released}: end of sales comes after general availability`,
  salesEndAfterSupport: (endOfSales: string, endOfSupport: string) =>
    `${endOfSales} is after the end of support ${endOfSupport}: a line cannot be sold once unsupported`,
  salesEndAfterSecurityFixes: (endOfSales: string, securityEnd: string, phaseIndex: number, level: string) =>
    `${endOfSales} is after the last day of security fixes, ${securityEnd} (the end of phases[${phaseIndex}], ` +
    `"${level}"): a line cannot be sold once it no longer gets security fixes`,
  endOfSupportUnannounced: (lineName: string, released: string, buildDate: string) =>
    `the end of support of ${lineName} has been "to be announced" since its release on ${released} ` +
    `(${monthsBetweenInWords(released, buildDate)}): announce a date so customers can plan`,
});

export function checkLifecycleOrder(documents: ParsedDocuments, context: RuleContext): void {
  // Levels whose id or securityFixes failed are left out: a line using one is not judged on them.
  const shipsSecurityFixes = new Map<string, boolean>();
  const supportLevels = documents.supportLevels;
  supportLevels?.data.levels.forEach((level, index) => {
    if (parsed(supportLevels, ['levels', index, 'id'], ['levels', index, 'includes', 'securityFixes'])) {
      shipsSecurityFixes.set(level.id, level.includes.securityFixes);
    }
  });
  for (const product of documents.products) {
    product.data.releases.forEach((releaseLine, index) => {
      const at = (...path: (string | number)[]) => ['releases', index, ...path];
      // A date that failed its schema is already reported: the comparisons that need it are skipped.
      const known = (...path: (string | number)[]) => parsed(product, at(...path));
      const released = known('released') ? releaseLine.released : undefined;
      const endOfSupport = known('endOfSupport', 'date') ? releaseLine.endOfSupport?.date : undefined;
      const endOfSupportKnown = releaseLine.endOfSupport === undefined || endOfSupport !== undefined;
      let previous = released && { date: released, label: `the release date ${released}` };
      releaseLine.phases.forEach((phase, phaseIndex) => {
        if (!known('phases', phaseIndex, 'until')) return;
        const isLast = phaseIndex === releaseLine.phases.length - 1;
        if (isLast && phase.until !== undefined) {
          reportAt(
            context,
            'error',
            product,
            at('phases', phaseIndex, 'until'),
            endOfSupport
              ? messages.lastPhaseUntilEndOfSupport(endOfSupport)
              : endOfSupportKnown
                ? messages.lastPhaseUntilUnannounced()
                : messages.lastPhaseUntil(),
          );
          return;
        }
        if (!isLast && phase.until === undefined) {
          reportAt(context, 'error', product, at('phases', phaseIndex, 'until'), messages.phaseUntilMissing());
          return;
        }
        if (phase.until === undefined) return;
        if (previous && phase.until < previous.date) {
          reportAt(
            context,
            'error',
            product,
            at('phases', phaseIndex, 'until'),
            messages.phasesOutOfOrder(phase.until, previous.label),
          );
        }
        if (endOfSupport !== undefined && phase.until >= endOfSupport) {
          reportAt(
            context,
            'error',
            product,
            at('phases', phaseIndex, 'until'),
            messages.phaseAfterEndOfSupport(phase.until, endOfSupport),
          );
        }
        previous = { date: phase.until, label: `phases[${phaseIndex}].until ${phase.until}` };
      });

      if (endOfSupport !== undefined && released !== undefined && endOfSupport < released) {
        reportAt(
          context,
          'error',
          product,
          at('endOfSupport', 'date'),
          messages.supportEndsBeforeRelease(endOfSupport, released),
        );
      }
      if (releaseLine.endOfSales !== undefined && known('endOfSales')) {
        if (released !== undefined && releaseLine.endOfSales < released) {
          reportAt(
            context,
            'error',
            product,
            at('endOfSales'),
            messages.salesEndBeforeRelease(releaseLine.endOfSales, released),
          );
        } else if (endOfSupport !== undefined && releaseLine.endOfSales > endOfSupport) {
          reportAt(
            context,
            'error',
            product,
            at('endOfSales'),
            messages.salesEndAfterSupport(releaseLine.endOfSales, endOfSupport),
          );
        } else if (endOfSupportKnown && releaseLine.phases.every((phase) => shipsSecurityFixes.has(phase.level))) {
          // The last phase with security fixes ends on its "until", or with support when it is the last phase.
          const lastSecure = releaseLine.phases.findLastIndex((phase) => shipsSecurityFixes.get(phase.level) === true);
          const phase = releaseLine.phases[lastSecure];
          const securityEnd = lastSecure === releaseLine.phases.length - 1 ? endOfSupport : phase?.until;
          if (phase && securityEnd !== undefined && releaseLine.endOfSales > securityEnd) {
            reportAt(
              context,
              'error',
              product,
              at('endOfSales'),
              messages.salesEndAfterSecurityFixes(releaseLine.endOfSales, securityEnd, lastSecure, phase.level),
            );
          }
        }
      }
      if (released === undefined || !known('name')) return;
      if (released > context.buildDate && releaseLine.endOfSupport === undefined) return;
      if (releaseLine.endOfSupport === undefined && addOneYear(released) < context.buildDate) {
        reportAt(
          context,
          'warning',
          product,
          at('endOfSupport'),
          messages.endOfSupportUnannounced(releaseLine.name, released, context.buildDate),
        );
      }
    });
  }
}

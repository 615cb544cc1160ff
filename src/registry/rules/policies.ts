/** The four policies the Code of Practice asks for are published, each once. */
import { policyKinds, type PolicyKind } from '../schema/policy.ts';
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, reportIn, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  policyMissing: (title: string, kind: PolicyKind) =>
    `the ${title} is missing: add a Markdown file in policies/ with "kind: ${kind}" (see docs/content-reference.md)`,
  policyTwice: (first: string, title: string) => `${first} is already the ${title}: publish each policy once`,
});

export function checkPolicies(documents: ParsedDocuments, context: RuleContext): void {
  for (const [kind, title] of Object.entries(policyKinds) as [PolicyKind, string][]) {
    const matching = documents.policies.filter((policy) => parsed(policy, ['kind']) && policy.data.kind === kind);
    if (matching.length === 0 && !documents.somePolicyInvalid) {
      reportIn(context, 'error', `${context.contentDirLabel}/policies`, messages.policyMissing(title, kind));
    }
    for (const duplicate of matching.slice(1)) {
      reportAt(context, 'error', duplicate, ['kind'], messages.policyTwice(matching[0]!.source.file, title));
    }
  }
}

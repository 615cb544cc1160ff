/** The four policies the Code of Practice asks for are published, each once. */
import { policyKinds, type PolicyKind } from '../schema/policy.ts';
import { parsed, reportAt, type ParsedDocuments, type RuleContext } from './context.ts';

export function checkPolicies(documents: ParsedDocuments, context: RuleContext): void {
  for (const [kind, title] of Object.entries(policyKinds) as [PolicyKind, string][]) {
    const matching = documents.policies.filter((policy) => parsed(policy, ['kind']) && policy.data.kind === kind);
    if (matching.length === 0 && !documents.somePolicyInvalid) {
      context.report({
        severity: 'error',
        file: `${context.contentDirLabel}/policies`,
        message: `the ${title} is missing: add a Markdown file in policies/ with "kind: ${kind}" (see docs/content-reference.md)`,
      });
    }
    for (const duplicate of matching.slice(1)) {
      reportAt(
        context,
        'error',
        duplicate,
        ['kind'],
        `${matching[0]!.source.file} is already the ${title}: publish each policy once`,
      );
    }
  }
}

/** code-of-practice/self-assessment.json: the evidence map in the self-assessment structure. */
import { jsonResponse } from '../../outputs/api/response.ts';
import { selfAssessment } from '../../outputs/evidence/claims.ts';
import { getRegistry } from '../../site/registry.ts';

export function GET(): Response {
  return jsonResponse(selfAssessment(getRegistry()));
}

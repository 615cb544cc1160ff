/** api/v1/advisories.json: security advisories, newest first. */
import { jsonResponse } from '../../../outputs/api/response.ts';
import { apiAdvisories } from '../../../outputs/api/v1.ts';
import { getRegistry } from '../../../site/registry.ts';

export function GET(): Response {
  return jsonResponse(apiAdvisories(getRegistry()));
}

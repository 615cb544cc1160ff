/** api/v1/index.json: the list of endpoints. */
import { jsonResponse } from '../../../outputs/api/response.ts';
import { apiIndex } from '../../../outputs/api/v1.ts';
import { getRegistry } from '../../../site/registry.ts';

export function GET(): Response {
  return jsonResponse(apiIndex(getRegistry()));
}

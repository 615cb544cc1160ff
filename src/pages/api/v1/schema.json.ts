/** api/v1/schema.json: the JSON Schema (draft 2020-12) of every API response. */
import { jsonResponse } from '../../../outputs/api/response.ts';
import { apiSchema } from '../../../outputs/api/schema.ts';
import { getRegistry } from '../../../site/registry.ts';

export function GET(): Response {
  return jsonResponse(apiSchema(getRegistry()));
}

/** api/v1/incidents.json: incidents and maintenance, newest first. */
import { jsonResponse } from '../../../outputs/api/response.ts';
import { apiIncidents } from '../../../outputs/api/v1.ts';
import { getRegistry } from '../../../site/registry.ts';

export function GET(): Response {
  return jsonResponse(apiIncidents(getRegistry()));
}

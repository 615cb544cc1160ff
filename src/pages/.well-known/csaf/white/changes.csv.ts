/** CSAF 2.0 §7.1.14 changes.csv. */
import { changesCsv, csafFiles } from '../../../../outputs/csaf/provider.ts';
import { textResponse } from '../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../site/registry.ts';

export function GET(): Response {
  return textResponse(changesCsv(csafFiles(getRegistry())), 'text/csv; charset=utf-8');
}

/** CSAF 2.0 §7.1.13 index.txt. */
import { csafFiles, indexTxt } from '../../../../outputs/csaf/provider.ts';
import { textResponse } from '../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../site/registry.ts';

export function GET(): Response {
  return textResponse(indexTxt(csafFiles(getRegistry())), 'text/plain; charset=utf-8');
}

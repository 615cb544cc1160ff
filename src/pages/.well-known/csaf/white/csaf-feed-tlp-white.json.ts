/** CSAF 2.0 §7.1.21 ROLIE feed of the TLP:WHITE documents. */
import { csafFiles, rolieFeed } from '../../../../outputs/csaf/provider.ts';
import { signingKeyFromEnvironment } from '../../../../outputs/signing/fromEnvironment.ts';
import { jsonResponse } from '../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../site/registry.ts';

export async function GET(): Promise<Response> {
  const registry = getRegistry();
  const key = await signingKeyFromEnvironment(registry.buildTime);
  return jsonResponse(rolieFeed(registry, csafFiles(registry), key !== undefined));
}

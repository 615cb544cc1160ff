/** CSAF 2.0 provider metadata (§7.1.20): a trusted provider when the build signs. */
import { providerMetadata } from '../../../outputs/csaf/provider.ts';
import { signingKeyFromEnvironment } from '../../../outputs/signing/fromEnvironment.ts';
import { jsonResponse } from '../../../outputs/api/response.ts';
import { getRegistry } from '../../../site/registry.ts';

export async function GET(): Promise<Response> {
  const registry = getRegistry();
  const key = await signingKeyFromEnvironment(registry.buildTime);
  return jsonResponse(providerMetadata(registry, key));
}

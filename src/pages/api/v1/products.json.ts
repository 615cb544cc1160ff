/** api/v1/products.json: every product, its release lines in brief. */
import { jsonResponse } from '../../../outputs/api/response.ts';
import { apiProducts } from '../../../outputs/api/v1.ts';
import { getRegistry } from '../../../site/registry.ts';

export function GET(): Response {
  return jsonResponse(apiProducts(getRegistry()));
}

/** api/v1/products/<slug>.json: one product with its release lines. */
import type { GetStaticPaths } from 'astro';
import { jsonResponse } from '../../../../outputs/api/response.ts';
import { apiProduct } from '../../../../outputs/api/v1.ts';
import type { Product } from '../../../../registry/types.ts';
import { getRegistry } from '../../../../site/registry.ts';

export const getStaticPaths = (() =>
  getRegistry().products.map((product) => ({
    params: { slug: product.slug },
    props: { product },
  }))) satisfies GetStaticPaths;

export function GET({ props }: { props: { product: Product } }): Response {
  return jsonResponse(apiProduct(getRegistry(), props.product));
}

/** api/v1/products/<slug>/eox.json: an OpenEoX Core record per release line. */
import type { GetStaticPaths } from 'astro';
import { jsonResponse } from '../../../../../outputs/api/response.ts';
import { productEox } from '../../../../../outputs/openeox/eoxRecord.ts';
import type { Product } from '../../../../../registry/types.ts';
import { getRegistry } from '../../../../../site/registry.ts';

export const getStaticPaths = (() =>
  getRegistry().products.map((product) => ({
    params: { slug: product.slug },
    props: { product },
  }))) satisfies GetStaticPaths;

export function GET({ props }: { props: { product: Product } }): Response {
  return jsonResponse(productEox(getRegistry(), props.product));
}

/** /products/<slug>/feed.xml: the product's events in rss (DESIGN "Public contract"). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { productFeedFile } from '../../../outputs/feeds/index.ts';
import { getRegistry } from '../../../site/registry.ts';

export const getStaticPaths = (() =>
  getRegistry().products.map((product) => ({ params: { slug: product.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = productFeedFile(getRegistry(), params.slug ?? '', 'rss');
  if (!file) return new Response('No such product', { status: 404 });
  return new Response(file.body, { headers: { 'Content-Type': file.contentType } });
};

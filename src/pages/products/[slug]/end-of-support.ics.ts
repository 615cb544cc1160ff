/** /products/<slug>/end-of-support.ics: the product's end-of-support dates with reminders. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarMediaType, productEndOfSupportCalendar } from '../../../outputs/calendar/calendars.ts';
import { getRegistry } from '../../../site/registry.ts';

export const getStaticPaths = (() =>
  getRegistry().products.map((product) => ({ params: { slug: product.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const product = getRegistry().index.product(params.slug ?? '');
  if (!product) return new Response('No such product', { status: 404 });
  return new Response(productEndOfSupportCalendar(getRegistry(), product), {
    headers: { 'Content-Type': calendarMediaType },
  });
};

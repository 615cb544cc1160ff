/**
 * Carries a page over from the previous build when its inputs have not changed, rather than
 * rendering it again (src/pipeline/pageReuse.ts); every other page is rendered as usual.
 */
import { defineMiddleware } from 'astro/middleware';
import { getRegistry } from '../site/registry.ts';
import { carriedOverPage, pageInputs, recordsPageInputs } from './pageReuse.ts';

export const onRequest = defineMiddleware((context, next) => {
  if (!context.isPrerendered || !recordsPageInputs()) return next();
  const page = pageInputs(getRegistry(), context.routePattern, context.params);
  const previous = page && carriedOverPage(page.page, page.inputs);
  return previous
    ? new Response(new Uint8Array(previous), { headers: { 'content-type': 'text/html; charset=utf-8' } })
    : next();
});

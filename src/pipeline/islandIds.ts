/**
 * Island ids that do not depend on where the project is checked out.
 *
 * Astro marks each hydrated component with `<astro-island uid="…">`, a hash of the component's
 * module path, its server-rendered HTML and its props (astro/dist/runtime/server/render/component.js).
 * The module path is the absolute path of the .tsx file on the build machine, so two clones of the
 * same commit in two folders publish different pages, and reproducible-builds.org counts the build
 * path among the variations a build must survive. Astro has no option for it, and the path must
 * stay absolute for Astro to find the component's bundle; but nothing reads the uid once the page
 * is built (the island script hydrates from `component-url`, `props` and `opts`). So the build
 * replaces each uid with a hash of the island's other attributes: the bundle file (named by a hash
 * of its code), the export, the props and the hydration options — what Astro's own hash meant to
 * identify, minus the folder.
 */
import { createHash } from 'node:crypto';

/** The opening tag of an island. Astro escapes `<`, `>` and quotes in attribute values, so `>` ends it. */
const ISLAND_TAG = /<astro-island\b[^>]*>/g;
const UID = / uid="[^"]*"/;

export function withPathIndependentIslandIds(html: string): string {
  if (!html.includes('<astro-island')) return html;
  return html.replace(ISLAND_TAG, (tag) => {
    const uid = createHash('sha256').update(tag.replace(UID, '')).digest('base64url').slice(0, 10);
    return tag.replace(UID, ` uid="${uid}"`);
  });
}

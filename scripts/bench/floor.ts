/**
 * The benchmark's floor (scripts/bench.ts): a bare Astro project rendering as many pages as a
 * Trustline build, each about the size of Trustline's median page. No integrations, static
 * output, the same build options as a portal (src/integrations/trustline.ts). It is written at
 * bench time into .trustline/bench/floor-<pages>/ and built with this repository's Astro: `astro`
 * resolves from the repository's node_modules, above the folder.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_OPTIONS } from '../../src/integrations/trustline.ts';

const LAYOUT = `---
interface Props {
  title: string;
}
const { title } = Astro.props;
---

<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title} · Floor</title>
  </head>
  <body>
    <header><a href="/">Floor</a></header>
    <nav>
      <ul>
        <li><a href="/p/1/">First page</a></li>
        <li><a href="/p/2/">Second page</a></li>
        <li><a href="/p/3/">Third page</a></li>
      </ul>
    </nav>
    <main><slot /></main>
    <footer><p>A bare Astro page of the Trustline benchmark.</p></footer>
  </body>
</html>

<style is:global>
  body {
    font-family: system-ui, sans-serif;
    margin: 0 auto;
    max-width: 60rem;
  }
  nav ul {
    display: flex;
    gap: 1rem;
    list-style: none;
  }
</style>
`;

/** The page route: `pages` pages, each with `bodyBytes` of paragraphs (scripts/bench/floorText.ts). */
function pageRoute(pagesDir: string, pages: number, bodyBytes: number): string {
  const textModule = path.relative(pagesDir, path.join(import.meta.dirname, 'floorText.ts'));
  return `---
import Layout from '../../layouts/Layout.astro';
import { pageParagraphs } from '${textModule.split(path.sep).join('/')}';

export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, index) => ({ params: { n: String(index + 1) } }));
}
const page = Number(Astro.params.n);
---

<Layout title={\`Page \${page}\`}>
  <h1>Page {page}</h1>
  {pageParagraphs(page, ${bodyBytes}).map((text) => <p>{text}</p>)}
</Layout>
`;
}

/** Writes (or rewrites) the bare project in `dir`, deleting its output and caches: the next build is cold. */
export function writeFloorProject(dir: string, pages: number, bodyBytes: number): void {
  for (const generated of ['dist', '.astro', '.astro-cache'])
    rmSync(path.join(dir, generated), { recursive: true, force: true });
  const pagesDir = path.join(dir, 'src', 'pages', 'p');
  mkdirSync(pagesDir, { recursive: true });
  mkdirSync(path.join(dir, 'src', 'layouts'), { recursive: true });
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n\n` +
      `export default defineConfig({\n` +
      `  output: 'static',\n` +
      `  build: ${JSON.stringify(BUILD_OPTIONS)},\n` +
      // Astro's cache stays in the folder (its default is node_modules/.astro, shared with the portal's).
      `  cacheDir: './.astro-cache',\n` +
      `  devToolbar: { enabled: false },\n` +
      `});\n`,
  );
  writeFileSync(path.join(dir, 'src', 'layouts', 'Layout.astro'), LAYOUT);
  writeFileSync(path.join(pagesDir, '[n].astro'), pageRoute(pagesDir, pages, bodyBytes));
}

/** The sizes in bytes of every .html file below `siteDir`. */
export function htmlSizes(siteDir: string): number[] {
  const sizes: number[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) sizes.push(statSync(full).size);
    }
  };
  walk(siteDir);
  return sizes;
}

/**
 * What a real host must send with each file of the demo site, whatever its configuration format
 * (`_headers` or the nginx snippet): one table, checked against both (tests/security/hostHeaders.test.ts).
 */
import { machineFiles } from '../../src/outputs/machineFiles.ts';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { demoRegistry } from '../outputs/api/demoRegistry.ts';
import { DEMO_SITE_DIR } from './builtSite.ts';

export interface HostExpectation {
  /** The request path relative to the site root: "feeds/all.xml", "products/" for a page. */
  readonly path: string;
  /**
   * The type of a machine file (src/outputs/machineFiles.ts); other files, and the CSAF folder
   * listings reached through their folder, get the host's type for their extension.
   */
  readonly contentType: string | undefined;
  readonly cacheControl: string;
  /** Only the search page and Pagefind's files may compile WebAssembly. */
  readonly wasm: boolean;
}

export async function hostExpectations(): Promise<HostExpectation[]> {
  const types = new Map((await machineFiles(demoRegistry())).map((file) => [file.path, file.contentType]));
  return listFiles(DEMO_SITE_DIR)
    .filter((file) => file !== '_headers')
    .map((file) => ({
      path: file.replace(/(^|\/)index\.html$/, '$1'),
      contentType: file.endsWith('index.html') ? undefined : types.get(file),
      cacheControl: file.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      wasm: file.startsWith('search/') || file.startsWith('pagefind/'),
    }));
}

/**
 * The machine-readable files, in a worker thread while Astro renders the pages
 * (src/pipeline/build.ts), from the same contentlayer2 output as the pages. The thread first
 * sends the search documents to the search index's thread (src/pipeline/searchStep.ts), then
 * writes the machine files and ends: the Registry, and all that the files made from it, goes
 * with the thread while Pagefind and Astro are still at work. The thread has the environment
 * Astro's process has for carrying outputs over (src/pipeline/pageReuse.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadRegistry, type CheckedFacts } from '../registry/loadRegistry.ts';
import { enableRenderCache } from '../registry/markdown.ts';
import { readContentlayerOutput } from '../registry/source/readContentlayerOutput.ts';
import { searchDocuments } from '../site/searchDocuments.ts';
import { brandAssets } from './brandAssets.ts';
import { recordedOutputs } from './pageReuse.ts';
import { writeMachineFiles, type WrittenFile } from './writeMachineFiles.ts';

export interface FilesStepInput {
  readonly contentDir: string;
  readonly buildTime: string;
  readonly generatedDir: string;
  /** Where the files go, to be moved in beside Astro's pages. */
  readonly outDir: string;
  /** The Markdown render cache (src/registry/markdown.ts), filled by the build's check. */
  readonly renderCache: string;
}

/** The build's word to go on, once the content is checked and ingested. */
export interface FilesStepGo {
  /** What the check found (LoadOptions.checked). */
  readonly facts: CheckedFacts;
  /** Where the search documents go: the search index's thread (src/pipeline/searchStep.ts). */
  readonly searchDocuments: MessagePort;
}

/** What finalising the site needs to know of the Registry. */
export interface FilesStepResult {
  readonly buildDate: string;
  readonly buildTime: string;
  readonly basePath: string;
  /** The machine files written, with their content types. */
  readonly machineFiles: readonly WrittenFile[];
  /** The logo and favicon to copy from the portal's public/ folder (src/pipeline/brandAssets.ts). */
  readonly brandAssets: readonly string[];
  /** The outputs that can be carried over, with their fingerprints, for the next build (src/pipeline/pageReuse.ts). */
  readonly outputs: Readonly<Record<string, string>>;
}

const { contentDir, buildTime, generatedDir, outDir, renderCache } = workerData as FilesStepInput;
// The thread starts with the build, so that its modules load meanwhile; it goes on when the
// content is checked and ingested, with what the check found.
const { facts, searchDocuments: search } = await new Promise<FilesStepGo>((resolve) =>
  parentPort!.once('message', resolve),
);
enableRenderCache(renderCache);
const registry = loadRegistry({
  contentDir,
  buildDate: buildTime,
  sources: readContentlayerOutput(generatedDir, contentDir),
  checked: facts,
});
search.postMessage(searchDocuments(registry));
search.close();
const written = await writeMachineFiles(registry, outDir);
parentPort!.postMessage({
  buildDate: registry.buildDate,
  buildTime: registry.buildTime,
  basePath: registry.vendor.site.basePath,
  machineFiles: written,
  brandAssets: brandAssets(registry.vendor),
  outputs: recordedOutputs(),
} satisfies FilesStepResult);

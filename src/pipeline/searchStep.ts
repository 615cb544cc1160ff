/**
 * The Pagefind search index, in a worker thread of its own while Astro renders the pages
 * (src/pipeline/build.ts), from the search documents the files step sends it first
 * (src/pipeline/filesStep.ts). This thread holds only the documents, and reads Pagefind's
 * answers as they come; the files step's thread, which holds the Registry, ends as soon as the
 * machine files are written, and its memory goes with it.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { SearchDocument } from '../site/searchDocuments.ts';
import { recordedOutputs } from './pageReuse.ts';
import { writeSearchIndex, type SearchParts } from './searchIndex.ts';

export interface SearchStepInput {
  /** Sends the documents, once: the files step's end of it. */
  readonly documents: MessagePort;
  /** Where the index goes (its `pagefind/` folder is made there). */
  readonly outDir: string;
}

export interface SearchStepResult {
  /** The index's parts, and how many of them were carried over from the previous site. */
  readonly searchParts: SearchParts;
  /** The index parts that can be carried over, with their fingerprints (src/pipeline/pageReuse.ts). */
  readonly outputs: Readonly<Record<string, string>>;
}

const { documents: port, outDir } = workerData as SearchStepInput;
const documents = await new Promise<SearchDocument[]>((resolve) => port.once('message', resolve));
port.close();
const searchParts = await writeSearchIndex(documents, outDir);
parentPort!.postMessage({ searchParts, outputs: recordedOutputs() } satisfies SearchStepResult);

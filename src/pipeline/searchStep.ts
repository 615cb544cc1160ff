/**
 * The Pagefind search index, in a worker thread of its own that the files step starts
 * (src/pipeline/filesStep.ts). Pagefind indexes in its own process and answers each document;
 * fed from the files step's thread, it waited for the machine files between answers (a feed or
 * the CSAF documents hold that thread for seconds at a time) and finished seconds after the
 * pages. Here its answers are read as they come.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchDocument } from '../site/searchDocuments.ts';
import { recordedOutputs } from './pageReuse.ts';
import { writeSearchIndex, type SearchParts } from './searchIndex.ts';

export interface SearchStepInput {
  readonly documents: readonly SearchDocument[];
  /** Where the index goes (its `pagefind/` folder is made there). */
  readonly outDir: string;
}

export interface SearchStepResult {
  readonly searchParts: SearchParts;
  /** The index parts that can be carried over, with their fingerprints (src/pipeline/pageReuse.ts). */
  readonly outputs: Readonly<Record<string, string>>;
}

const { documents, outDir } = workerData as SearchStepInput;
const searchParts = await writeSearchIndex(documents, outDir);
parentPort!.postMessage({ searchParts, outputs: recordedOutputs() } satisfies SearchStepResult);

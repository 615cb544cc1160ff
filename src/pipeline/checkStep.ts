/**
 * The build's check, in a worker thread (src/pipeline/build.ts): the same validation as `npm run
 * check`. Only its verdict goes back; the Registry it built goes with the thread, so the build's
 * process stays small while contentlayer2 and Astro run. Content that passes has its Markdown
 * rendered next, while contentlayer2 still ingests, into the render cache that the pages and the
 * machine-readable files then read (src/registry/markdown.ts); the thread ends when it is saved.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkWithParseCache } from '../cli/checkWithParseCache.ts';
import { summary } from '../cli/report.ts';
import { enableRenderCache, renderAheadAndSave } from '../registry/markdown.ts';
import { scoredVectors } from '../registry/cvss.ts';
import type { CheckedFacts } from '../registry/loadRegistry.ts';
import type { Problem } from '../registry/problems.ts';

export interface CheckStepInput {
  readonly contentDir: string;
  readonly buildTime: string;
  /** The build runs in CI (src/cli/ci.ts). */
  readonly requireHistory: boolean;
  /** The Markdown render cache (src/registry/markdown.ts) to fill for this build. */
  readonly renderCache: string;
}

export interface CheckStepResult {
  readonly passed: boolean;
  readonly problems: Problem[];
  readonly summary: string;
  readonly fileCount: number;
  readonly buildDate: string;
  /** For the loads that render (LoadOptions.checked): they do not read git or score CVSS again. */
  readonly facts: CheckedFacts;
}

const { contentDir, buildTime, requireHistory, renderCache } = workerData as CheckStepInput;
enableRenderCache(renderCache);
const checked = checkWithParseCache({ contentDir, buildDate: buildTime, requireHistory });
parentPort!.postMessage({
  passed: checked.registry !== undefined,
  problems: checked.problems,
  summary: summary(checked.problems, checked.files.length),
  fileCount: checked.files.length,
  buildDate: checked.buildDate,
  facts: { noticeDays: checked.noticeDays, cvss: scoredVectors() },
} satisfies CheckStepResult);
if (checked.registry) renderAheadAndSave();

/**
 * An incident's updates as its page shows them, newest first: the latest in full, the older ones
 * folded below them. A long incident stays a quick page: thousands of updates in one list made
 * Chromium take 16–25 s to load it (docs/benchmarks.md, "Long incidents").
 */
import type { IncidentUpdate } from '../../registry/types.ts';

/** How many of the newest updates the page shows unfolded. */
export const LATEST_UPDATES_SHOWN = 20;

export interface IncidentTimeline {
  /** The newest updates, newest first. */
  readonly latest: readonly IncidentUpdate[];
  /** Every update before them, newest first (empty for a short incident). */
  readonly older: readonly IncidentUpdate[];
}

/** `updates` are oldest first, as the content lists them. */
export function incidentTimeline(updates: readonly IncidentUpdate[]): IncidentTimeline {
  const newestFirst = [...updates].reverse();
  return { latest: newestFirst.slice(0, LATEST_UPDATES_SHOWN), older: newestFirst.slice(LATEST_UPDATES_SHOWN) };
}

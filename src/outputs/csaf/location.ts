/**
 * Where a CSAF document lives (CSAF 2.0 §5.1 file name, §7.1.11 folder per year of initial
 * release), so every file that names it — listings, feeds, hashes — agrees.
 */
import type { Advisory } from '../../registry/types.ts';
import { paths } from '../../site/urls.ts';

/** §5.1: the tracking id, lower-cased, every character other than +, -, a-z, 0-9 replaced by "_", then ".json". */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]/g, '_')}.json`;
}

/** §7.1.11: the year of /document/tracking/initial_release_date. */
export function csafYearOf(advisory: Pick<Advisory, 'published'>): string {
  return advisory.published.slice(0, 4);
}

/** "<yyyy>/<file>.json", relative to the white/ folder: the form index.txt and changes.csv use. */
export function csafRelativePath(advisory: Pick<Advisory, 'id' | 'published'>): string {
  return `${csafYearOf(advisory)}/${csafFileName(advisory.id)}`;
}

export function csafAdvisoryPath(advisory: Pick<Advisory, 'id' | 'published'>): string {
  return paths.csafAdvisory(csafYearOf(advisory), csafFileName(advisory.id));
}

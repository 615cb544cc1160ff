/**
 * Where a CSAF document lives (CSAF 2.0 §5.1 file name, §7.1.11 folder per year of initial
 * release), so every file that names it — listings, feeds, hashes — agrees.
 */
import { paths } from '../../site/urls.ts';

/** What places a document: its tracking id and when it was first published (a date or an instant). */
export interface CsafLocated {
  readonly id: string;
  readonly published: string;
}

/** §5.1: the tracking id, lower-cased, every character other than +, -, a-z, 0-9 replaced by "_", then ".json". */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]/g, '_')}.json`;
}

/** §7.1.11: the year of /document/tracking/initial_release_date. */
export function csafYearOf(document: CsafLocated): string {
  return document.published.slice(0, 4);
}

/** "<yyyy>/<file>.json", relative to the white/ folder: the form index.txt and changes.csv use. */
export function csafRelativePath(document: CsafLocated): string {
  return `${csafYearOf(document)}/${csafFileName(document.id)}`;
}

export function csafDocumentPath(document: CsafLocated): string {
  return paths.csafDocument(csafYearOf(document), csafFileName(document.id));
}

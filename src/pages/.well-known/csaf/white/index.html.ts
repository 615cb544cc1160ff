/** A listing of white/: the year folders and the directory files (CSAF 2.0 §7.1.12). */
import { csafFiles, csafYears, directoryListing } from '../../../../outputs/csaf/provider.ts';
import { htmlResponse } from '../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../site/registry.ts';
import { paths, sitePath } from '../../../../site/urls.ts';

export function GET(): Response {
  const registry = getRegistry();
  const years = csafYears(csafFiles(registry)).map((year) => `${year}/`);
  const entries = [...years, 'changes.csv', 'csaf-feed-tlp-white.json', 'index.txt'];
  return htmlResponse(
    directoryListing(sitePath(registry.vendor, paths.csafWhite()), entries, registry.vendor.site.language),
  );
}

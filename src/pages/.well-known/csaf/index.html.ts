/** A listing of /.well-known/csaf/ for people browsing the provider (CSAF 2.0 §7.1.12). */
import { directoryListing } from '../../../outputs/csaf/provider.ts';
import { htmlResponse } from '../../../outputs/api/response.ts';
import { getRegistry } from '../../../site/registry.ts';
import { paths, sitePath } from '../../../site/urls.ts';

export function GET(): Response {
  const { vendor } = getRegistry();
  return htmlResponse(
    directoryListing(sitePath(vendor, paths.csafRoot()), ['provider-metadata.json', 'white/'], vendor.site.language),
  );
}

/** A listing of one year folder (CSAF 2.0 §7.1.12). */
import type { GetStaticPaths } from 'astro';
import { csafFiles, csafYears, directoryListing, yearFolderEntries } from '../../../../../outputs/csaf/provider.ts';
import { signingKeyFromEnvironment } from '../../../../../outputs/signing/fromEnvironment.ts';
import { htmlResponse } from '../../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../../site/registry.ts';
import { paths, sitePath } from '../../../../../site/urls.ts';

export const getStaticPaths = (() =>
  csafYears(csafFiles(getRegistry())).map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

export async function GET({ params }: { params: { year: string } }): Promise<Response> {
  const registry = getRegistry();
  const key = await signingKeyFromEnvironment(registry.buildTime);
  const entries = yearFolderEntries(csafFiles(registry), params.year, key !== undefined);
  return htmlResponse(
    directoryListing(sitePath(registry.vendor, paths.csafYear(params.year)), entries, registry.vendor.site.language),
  );
}

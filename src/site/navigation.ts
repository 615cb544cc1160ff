/**
 * The site navigation: every section of the portal, less the document sections the vendor does
 * not use. A section with no documents shows only when vendor.yml asks for it ("always"); one the
 * vendor turned off ("never") never shows. Its pages and feeds stay where they are either way.
 */
import type { NavigationSection } from '../registry/schema/brand.ts';
import type { Registry } from '../registry/types.ts';
import { paths } from './urls.ts';

export interface NavigationItem {
  readonly label: string;
  /** Path relative to the site root, as in `paths`. */
  readonly path: string;
}

const SECTION_HAS_DOCUMENTS: Readonly<Record<NavigationSection, (registry: Registry) => boolean>> = {
  products: (registry) => registry.products.length > 0,
  endOfSupport: (registry) => registry.releaseLines.some((line) => line.endOfSupport !== undefined),
  incidents: (registry) => registry.incidents.length > 0,
  advisories: (registry) => registry.advisories.length > 0,
};

/** Made once per Registry: every page's layout shows it (a scan of the release lines per page made builds quadratic). */
const made = new WeakMap<Registry, readonly NavigationItem[]>();

export function navigation(registry: Registry): readonly NavigationItem[] {
  let items = made.get(registry);
  if (!items) made.set(registry, (items = sections(registry)));
  return items;
}

function sections(registry: Registry): NavigationItem[] {
  const shown = (section: NavigationSection) => {
    const visibility = registry.vendor.navigation[section];
    return visibility === 'always' || (visibility === 'auto' && SECTION_HAS_DOCUMENTS[section](registry));
  };
  const items: (NavigationItem | false)[] = [
    { label: 'Overview', path: paths.home() },
    shown('products') && { label: 'Products', path: paths.products() },
    shown('endOfSupport') && { label: 'End of support', path: paths.endOfSupport() },
    shown('incidents') && { label: 'Incidents', path: paths.incidents() },
    shown('advisories') && { label: 'Advisories', path: paths.advisories() },
    { label: 'Policies', path: paths.policies() },
    { label: 'Code of Practice', path: paths.codeOfPractice() },
    { label: 'Subscribe', path: paths.subscribe() },
    { label: 'Search', path: paths.search() },
  ];
  return items.filter((item) => item !== false);
}

/**
 * The vendor's stylesheet (BRAND_STYLESHEET), linked after the engine's when vendor.yml
 * gives an accent colour or a logo: an external file, as the strict CSP allows (src/pipeline/csp.ts),
 * never an inline style. The accent replaces the colour of links and focus outlines (--link and
 * --focus in src/styles/global.css) in each colour scheme.
 */
import type { VendorData } from '../registry/schema/vendor.ts';

/**
 * Its path in the site. Not in src/site/urls.ts's `paths`: the islands' scripts bundle that
 * module, and a site without a brand must stay byte for byte the same.
 */
export const BRAND_STYLESHEET = 'trustline-brand.css';

export function brandStylesheet(vendor: VendorData): string | undefined {
  const { accent, logo } = vendor.brand ?? {};
  if (!accent && !logo) return undefined;
  // Astro links the engine's stylesheet last in <head>; `html:root` outranks its `:root`.
  const rules = [
    accent && `html:root {\n  --link: ${accent.light};\n  --focus: ${accent.light};\n}\n`,
    accent &&
      `@media (prefers-color-scheme: dark) {\n  html:root {\n    --link: ${accent.dark};\n    --focus: ${accent.dark};\n  }\n}\n`,
    // The logo stands where the vendor name stood, on its line, at about the name's height.
    logo && `.site-logo {\n  height: 2rem;\n  width: auto;\n  max-width: 12rem;\n  vertical-align: middle;\n}\n`,
  ];
  return rules.filter((rule) => typeof rule === 'string').join('\n');
}

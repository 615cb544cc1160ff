/**
 * The brand and navigation fields of vendor.yml, as `check` reads them: each refusal is the exact
 * line the editor reads. The branded fixture (tests/fixtures/branded) is valid; each case breaks
 * one thing in a copy of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEME_BACKGROUNDS } from '../../src/registry/colourContrast.ts';
import { checkContent, loadRegistry } from '../../src/registry/loadRegistry.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { navigation } from '../../src/site/navigation.ts';
import { ROOT } from '../support/builtSite.ts';
import { copyBrandedPortal, type BrandedPortal } from '../support/brandedPortal.ts';
import { BUILD_DATE } from '../support/contentFixture.ts';

let portal: BrandedPortal;
beforeEach(() => {
  portal = copyBrandedPortal();
});
afterEach(() => portal.cleanup());

/** check's errors, with paths relative to the portal's folder. */
function errors(): string[] {
  return checkContent({ contentDir: portal.contentDir, buildDate: BUILD_DATE })
    .problems.filter((problem) => problem.severity === 'error')
    .map((problem) => formatProblem(problem).split(`${portal.dir}/`).join(''));
}

const brandOf = (vendor: Record<string, unknown>) => vendor['brand'] as Record<string, unknown>;

describe('check of the brand', () => {
  it('passes the branded fixture', () => {
    expect(errors()).toEqual([]);
  });

  it('refuses a light accent below 4.5:1, with its ratio and the nearest colour that passes', () => {
    portal.changeVendor((vendor) => (brandOf(vendor)['accent'] = { light: '#7fb2ff', dark: '#ff7eb6' }));
    expect(errors()).toEqual([
      'content/vendor.yml:21 brand.accent.light: #7fb2ff has a contrast ratio of 1.96:1 against the light header and footer background #f3f4f6; WCAG 2.2 AA needs 4.5:1 for text — #0064fc is the nearest colour that passes (same hue and saturation, lightness changed)',
    ]);
  });

  it('refuses a dark accent below 4.5:1 against the dark background', () => {
    portal.changeVendor((vendor) => (brandOf(vendor)['accent'] = { light: '#b4005a', dark: '#1d4ed8' }));
    expect(errors()).toEqual([
      'content/vendor.yml:22 brand.accent.dark: #1d4ed8 has a contrast ratio of 2.19:1 against the dark header and footer background #1f2937; WCAG 2.2 AA needs 4.5:1 for text — #698beb is the nearest colour that passes (same hue and saturation, lightness changed)',
    ]);
  });

  it('refuses an accent that is not a hex colour', () => {
    portal.changeVendor((vendor) => (brandOf(vendor)['accent'] = { light: 'crimson', dark: '#ff7eb6' }));
    expect(errors()).toEqual([
      'content/vendor.yml:21 brand.accent.light: expected a colour written as #rrggbb, e.g. "#1d4ed8", found "crimson"',
    ]);
  });

  it('refuses a logo that is not in public/, naming the field and the file', () => {
    portal.changeVendor((vendor) => (brandOf(vendor)['logo'] = 'brand/missing-logo.svg'));
    expect(errors()).toEqual([
      'content/vendor.yml:18 brand.logo: public/brand/missing-logo.svg does not exist: put the logo in the public/ folder beside content/, or correct the path',
    ]);
  });

  it('refuses a favicon of another type than SVG or PNG', () => {
    portal.changeVendor((vendor) => (brandOf(vendor)['favicon'] = 'brand/harrier-icon.ico'));
    expect(errors()).toEqual([
      'content/vendor.yml:19 brand.favicon: "brand/harrier-icon.ico" is not an SVG or PNG file: use a file ending in .svg or .png',
    ]);
  });

  it('refuses a logo named .png that is no PNG image', () => {
    portal.write(
      'public/brand/harrier-logo.png',
      readFileSync(path.join(portal.dir, 'public/brand/harrier-logo.svg'), 'utf8'),
    );
    portal.changeVendor((vendor) => (brandOf(vendor)['logo'] = 'brand/harrier-logo.png'));
    expect(errors()).toEqual([
      'content/vendor.yml:18 brand.logo: public/brand/harrier-logo.png is not a PNG image (it does not start with the PNG signature): save it as a real SVG or PNG file',
    ]);
  });

  it('refuses a logo path that leaves public/', () => {
    portal.changeVendor((vendor) => (brandOf(vendor)['logo'] = '../content/vendor.svg'));
    expect(errors()).toEqual([
      'content/vendor.yml:18 brand.logo: "../content/vendor.svg" is not a path inside the public/ folder: give it relative to public/, with letters, digits, ".", "_" and "-" between "/", e.g. "brand/logo.svg"',
    ]);
  });

  it('refuses a footer link whose address has a space, like every address', () => {
    portal.changeVendor(
      (vendor) => (vendor['footerLinks'] = [{ label: 'Status', url: 'https://status.harrier.example/a b' }]),
    );
    expect(errors()).toEqual([
      'content/vendor.yml:25 footerLinks[0].url: "https://status.harrier.example/a b" contains a space, which a web address cannot contain as it is: percent-encode it as %20',
    ]);
  });

  it('refuses a navigation setting it does not know', () => {
    portal.changeVendor((vendor) => (vendor['navigation'] = { advisories: 'hidden' }));
    expect(errors()).toEqual([
      'content/vendor.yml:29 navigation.advisories: expected one of "auto", "always", "never", found "hidden"',
    ]);
  });

  it('keeps its backgrounds equal to those of the stylesheet', () => {
    const css = readFileSync(path.join(ROOT, 'src', 'styles', 'global.css'), 'utf8');
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    const colour = (text: string, property: string) => new RegExp(`${property}: (#[0-9a-f]{6});`).exec(text)?.[1];
    expect(SCHEME_BACKGROUNDS.light.map((background) => background.colour)).toEqual([
      colour(css, '--bg'),
      colour(css, '--bg-subtle'),
    ]);
    expect(SCHEME_BACKGROUNDS.dark.map((background) => background.colour)).toEqual([
      colour(dark, '--bg'),
      colour(dark, '--bg-subtle'),
    ]);
  });
});

describe('the navigation', () => {
  const tabs = () =>
    navigation(loadRegistry({ contentDir: portal.contentDir, buildDate: BUILD_DATE })).map((item) => item.label);

  it('hides a section with no documents, and one the vendor turned off', () => {
    expect(tabs()).toEqual([
      'Overview',
      'Products',
      'End of support',
      'Policies',
      'Code of Practice',
      'Subscribe',
      'Search',
    ]);
  });

  it('shows a section with no documents when the vendor asks for it', () => {
    portal.changeVendor((vendor) => (vendor['navigation'] = { incidents: 'always', advisories: 'never' }));
    expect(tabs()).toContain('Incidents');
  });

  it('shows "End of support" only while a release line has an end-of-support date', () => {
    const product = path.join('content', 'products', 'transfer.md');
    const text = readFileSync(path.join(portal.dir, product), 'utf8');
    portal.write(product, text.replace(/    endOfSupport:\n(      .*\n)+/, ''));
    expect(tabs()).not.toContain('End of support');
    expect(tabs()).toContain('Products');
  });

  it('shows a section that has documents unless the vendor turned it off', () => {
    portal.changeVendor((vendor) => (vendor['navigation'] = undefined));
    expect(tabs()).toContain('Advisories');
  });
});

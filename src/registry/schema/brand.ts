/**
 * The vendor's brand and the shape of its portal, in content/vendor.yml: logo, favicon, accent
 * colour, footer links and which sections the navigation shows. Every field is optional; without
 * them the portal looks as the engine does.
 */
import { z } from 'zod';
import { accentContrast, formatRatio, MINIMUM_CONTRAST, type ColourScheme } from '../colourContrast.ts';
import { httpsUrl, plainText } from './primitives.ts';

/** The image types a logo or favicon may be, by file extension. */
export const BRAND_IMAGE_TYPES = { svg: 'image/svg+xml', png: 'image/png' } as const;
export type BrandImageType = keyof typeof BRAND_IMAGE_TYPES;

/** Folder and file names of letters, digits, ".", "_" and "-", none starting with ".": no "..", no hidden files. */
const PUBLIC_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function brandImageType(file: string): BrandImageType | undefined {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension === 'svg' || extension === 'png' ? extension : undefined;
}

/** A file of the portal's public/ folder (beside content/), served at the same path under the site. */
const publicImage = z
  .string({ error: 'expected the path of an SVG or PNG file in the public/ folder, e.g. "brand/logo.svg"' })
  .refine((file) => PUBLIC_PATH.test(file), {
    error: (issue) =>
      `"${String(issue.input)}" is not a path inside the public/ folder: give it relative to public/, with letters, digits, ".", "_" and "-" between "/", e.g. "brand/logo.svg"`,
    abort: true,
  })
  .refine((file) => brandImageType(file) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not an SVG or PNG file: use a file ending in .svg or .png`,
  });

const HEX_COLOUR = /^#(?:[0-9a-f]{3}){1,2}$/i;

/** A colour for one scheme, as #rrggbb; refused when it fails WCAG 2.2 AA against that scheme's backgrounds. */
const accentColour = (scheme: ColourScheme) =>
  z
    .string({ error: 'expected a colour written as #rrggbb, e.g. "#1d4ed8"' })
    .refine((text) => HEX_COLOUR.test(text), {
      error: (issue) => `expected a colour written as #rrggbb, e.g. "#1d4ed8", found "${String(issue.input)}"`,
      abort: true,
    })
    .transform((text) => {
      const digits = text.slice(1).toLowerCase();
      return `#${digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits}`;
    })
    .superRefine((colour, context) => {
      const failure = accentContrast(colour, scheme);
      if (!failure) return;
      context.addIssue({
        code: 'custom',
        input: colour,
        message: `${colour} has a contrast ratio of ${formatRatio(failure.ratio)} against ${failure.background.name} ${failure.background.colour}; WCAG 2.2 AA needs ${MINIMUM_CONTRAST}:1 for text — ${failure.nearest} is the nearest colour that passes (same hue and saturation, lightness changed)`,
      });
    });

export const brandSchema = z
  .strictObject({
    logo: publicImage
      .optional()
      .describe(
        'The logo shown in the header instead of the vendor name (which becomes its alt text): an SVG or PNG file in the public/ folder beside content/, as a path inside it, e.g. "brand/logo.svg".',
      ),
    favicon: publicImage
      .optional()
      .describe('The icon browsers show in tabs and bookmarks: an SVG or PNG file in public/, e.g. "brand/icon.svg".'),
    accent: z
      .strictObject({
        light: accentColour('light').describe('The accent on the light scheme, e.g. "#0b5cad".'),
        dark: accentColour('dark').describe('The accent on the dark scheme, e.g. "#7cb8f7".'),
      })
      .optional()
      .describe(
        "The colour of links and focus outlines, one for each colour scheme: no colour has 4.5:1 against both the light and the dark background. `check` refuses a colour below WCAG 2.2 AA (4.5:1) against its scheme's page, header or footer background, and names the nearest colour that passes: the same hue and saturation with the lightness changed as little as needed.",
      ),
  })
  .describe("How the portal looks: logo, favicon and accent colour. Without it, the engine's own.");

const footerLink = z.strictObject({
  label: plainText(60).describe('The link text, e.g. "Status page".'),
  url: httpsUrl.describe('The address, e.g. https://status.example.com.'),
});

export const footerLinksSchema = z
  .array(footerLink)
  .max(12, { error: 'must be at most 12 links: keep the footer short' })
  .describe('Links of the vendor shown in the footer under its name, in this order, e.g. its web site or status page.');

/** "auto": shown while the section has documents; "always": also with none; "never": not at all. */
const sectionVisibility = z.enum(['auto', 'always', 'never']).default('auto');

export const navigationSchema = z
  .strictObject({
    products: sectionVisibility.describe('The Products tab.'),
    endOfSupport: sectionVisibility.describe(
      'The End of support tab: documents are release lines with an end-of-support date.',
    ),
    incidents: sectionVisibility.describe('The Incidents tab.'),
    advisories: sectionVisibility.describe('The Advisories tab.'),
  })
  .default({ products: 'auto', endOfSupport: 'auto', incidents: 'auto', advisories: 'auto' })
  .describe(
    'Which tabs of the site navigation show. "auto": while the section has documents; "always": also while it has none; "never": not at all. The pages and feeds stay at their addresses either way; only the tab goes.',
  );

/** The sections that hold documents, as navigation names them in vendor.yml. */
export type NavigationSection = keyof z.output<typeof navigationSchema>;

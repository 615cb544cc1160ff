/**
 * Contrast of the vendor's accent colour against the backgrounds the stylesheet puts text on
 * (src/styles/global.css), by WCAG 2.2: relative luminance and contrast ratio as the standard
 * defines them, and Success Criterion 1.4.3 (Contrast, Minimum): 4.5:1 for normal text.
 * @see https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** WCAG 2.2 SC 1.4.3: the accent colours links, which are normal-size text. */
export const MINIMUM_CONTRAST = 4.5;

export type ColourScheme = 'light' | 'dark';

export interface Background {
  readonly colour: string;
  /** Where the stylesheet uses it, as an editor reads it in a message. */
  readonly name: string;
}

/**
 * The backgrounds links sit on in each colour scheme: the page (--bg) and the header and footer
 * (--bg-subtle). tests/site/brand.test.ts keeps these equal to src/styles/global.css.
 */
export const SCHEME_BACKGROUNDS: Readonly<Record<ColourScheme, readonly Background[]>> = {
  light: [
    { colour: '#ffffff', name: 'the light background' },
    { colour: '#f3f4f6', name: 'the light header and footer background' },
  ],
  dark: [
    { colour: '#111827', name: 'the dark background' },
    { colour: '#1f2937', name: 'the dark header and footer background' },
  ],
};

type Rgb = readonly [number, number, number];

/** `#rrggbb` (lower case) to its three channels, 0 to 255. */
function rgbOf(hex: string): Rgb {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function hexOf([red, green, blue]: Rgb): string {
  return `#${[red, green, blue].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.2 "relative luminance" of an sRGB colour. */
function relativeLuminance(hex: string): number {
  const [red, green, blue] = rgbOf(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG 2.2 "contrast ratio": (L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance first. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * A ratio as a message shows it, rounded down to two decimals ("2.1:1", "4.49:1"): a colour
 * that fails never reads as 4.5:1.
 */
export function formatRatio(ratio: number): string {
  return `${String(Math.floor(ratio * 100) / 100)}:1`;
}

/** sRGB to hue (degrees), saturation and lightness (0 to 1). */
function hslOf(hex: string): [number, number, number] {
  const [red, green, blue] = rgbOf(hex).map((channel) => channel / 255) as unknown as Rgb;
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma === 0) return [0, 0, lightness];
  const saturation = chroma / (1 - Math.abs(2 * lightness - 1));
  const hue =
    max === red
      ? ((green - blue) / chroma + 6) % 6
      : max === green
        ? (blue - red) / chroma + 2
        : (red - green) / chroma + 4;
  return [hue * 60, saturation, lightness];
}

function hexOfHsl(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const second = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const sector = Math.floor(hue / 60) % 6;
  const [red, green, blue] = [
    [chroma, second, 0],
    [second, chroma, 0],
    [0, chroma, second],
    [0, second, chroma],
    [second, 0, chroma],
    [chroma, 0, second],
  ][sector]!;
  const offset = lightness - chroma / 2;
  return hexOf([red!, green!, blue!].map((channel) => Math.round((channel + offset) * 255)) as unknown as Rgb);
}

export interface ContrastFailure {
  /** The background with the lowest ratio. */
  readonly background: Background;
  readonly ratio: number;
  /** The nearest colour that passes against every background of the scheme. */
  readonly nearest: string;
}

/**
 * Whether `accent` meets 4.5:1 against every background of the scheme; if not, the worst
 * background and the nearest colour that passes. "Nearest" keeps the colour's hue and saturation
 * (HSL) and changes only its lightness, by as little as passes: the same colour, darker on a
 * light background or lighter on a dark one.
 */
export function accentContrast(accent: string, scheme: ColourScheme): ContrastFailure | undefined {
  const backgrounds = SCHEME_BACKGROUNDS[scheme];
  const worstOf = (colour: string) =>
    backgrounds
      .map((background) => ({ background, ratio: contrastRatio(colour, background.colour) }))
      .reduce((worst, candidate) => (candidate.ratio < worst.ratio ? candidate : worst));
  const worst = worstOf(accent);
  if (worst.ratio >= MINIMUM_CONTRAST) return undefined;
  const [hue, saturation, lightness] = hslOf(accent);
  // Steps of 0.1 % lightness, the nearer first; black and white always pass on these backgrounds.
  for (let step = 1; step <= 1000; step += 1) {
    for (const candidateLightness of [lightness - step / 1000, lightness + step / 1000]) {
      if (candidateLightness < 0 || candidateLightness > 1) continue;
      const candidate = hexOfHsl(hue, saturation, candidateLightness);
      if (worstOf(candidate).ratio >= MINIMUM_CONTRAST) return { ...worst, nearest: candidate };
    }
  }
  return { ...worst, nearest: scheme === 'light' ? '#000000' : '#ffffff' };
}

/** Field types shared by every content type. Each says, in the editor's words, what it accepts. */
import { z } from 'zod';
import { isCalendarDate } from '../calendarDate.ts';

/**
 * The patterns of a slug, a release line name and a timestamp, unanchored, written once: schemas
 * that combine them (a successor is "product-slug/5.x") build their expressions from these.
 */
export const patterns = {
  slug: '[a-z0-9]+(?:-[a-z0-9]+)*',
  releaseLineName: '[A-Za-z0-9][A-Za-z0-9 .+_-]{0,39}',
  timestamp: String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})`,
} as const;

/** The whole text matches the pattern. */
export const matchingWhole = (pattern: string): RegExp => new RegExp(`^${pattern}$`);

export const calendarDate = z.string({ error: 'expected a date written as YYYY-MM-DD' }).refine(isCalendarDate, {
  error: (issue) =>
    /^\d{4}-\d{2}-\d{2}$/.test(String(issue.input))
      ? `${String(issue.input)} is not a real calendar date`
      : `expected a date written as YYYY-MM-DD, found "${String(issue.input)}"`,
});

/** An instant with an explicit offset, e.g. 2026-11-20T08:12:00Z: times are never ambiguous. */
export const timestamp = z
  .string({ error: 'expected a time such as 2026-11-20T08:12:00Z' })
  .refine(
    (text) =>
      matchingWhole(patterns.timestamp).test(text) &&
      isCalendarDate(text.slice(0, 10)) &&
      !Number.isNaN(Date.parse(text)),
    {
      error: (issue) => `expected a time with its offset such as 2026-11-20T08:12:00Z, found "${String(issue.input)}"`,
    },
  );

/**
 * Slugs and ids become folder names of the built site (/products/<slug>/, /advisories/<id>/) and
 * parts of file names: 100 characters keeps every one well under the 255 bytes a file name can
 * have on common file systems, with room for the suffixes the build adds.
 */
export const MAX_PATH_NAME = 100;
const pathNameLength = {
  error: (issue: { input?: unknown }) =>
    `is ${String(issue.input).length} characters long; slugs and ids become folder and file names of the site, so they are limited to ${MAX_PATH_NAME} characters: shorten it`,
};

/** Lower-case words joined by hyphens: safe in every URL and file name. */
export const slug = z
  .string({ error: 'expected a slug such as "example-product"' })
  .max(MAX_PATH_NAME, pathNameLength)
  .regex(matchingWhole(patterns.slug), {
    error: (issue) =>
      `"${String(issue.input)}" is not URL-safe: use lower-case letters, digits and single hyphens, e.g. "example-product"`,
  });

/** Identifiers such as INC-2026-0142 or NWSA-2026-0003: letters, digits, hyphens. */
export const documentId = z
  .string({ error: 'expected an identifier such as "INC-2026-0142"' })
  .max(MAX_PATH_NAME, pathNameLength)
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, {
    error: (issue) =>
      `"${String(issue.input)}" is not URL-safe: use letters, digits and single hyphens, e.g. "INC-2026-0142"`,
  });

/** A release line name as customers know it: "5.x", "2024 LTS", "v3". */
export const releaseLineName = z
  .string({ error: 'expected a release line name such as "5.x"' })
  .regex(matchingWhole(patterns.releaseLineName), {
    error: (issue) =>
      `"${String(issue.input)}" is not a release line name: use up to 40 letters, digits, spaces, dots, "+", "_" or "-", e.g. "5.x"`,
  });

/**
 * Characters a URL may not contain as they are (WHATWG URL Standard "URL code points"; RFC 3986
 * §2 and appendix A): space, `"`, `<`, `>`, backtick, `{`, `}`, `|`, `\`, `^` and control
 * characters. Browsers quietly encode some of them; a page or feed that copies the address into
 * markup must not have to guess.
 */
const NOT_IN_URL = /[\u0000-\u0020\u007f-\u009f"<>`{}|\\^]/;

const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  ' ': 'a space',
  '"': 'a double quote (")',
  '`': 'a backtick (`)',
};

/** The character as the editor reads it: `a space`, `"<"`, `the control character U+0001`. */
function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0)!;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
    return `the control character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return CHARACTER_NAMES[character] ?? `"${character}"`;
}

/** `%22` for `"`; the UTF-8 octets for U+0080 to U+009F (RFC 3986 §2.1). */
function percentEncoded(character: string): string {
  return [...new TextEncoder().encode(character)]
    .map((octet) => `%${octet.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

export const httpsUrl = z
  .string({ error: 'expected a web address starting with https://' })
  .refine((text) => URL.canParse(text) && new URL(text).protocol === 'https:', {
    error: (issue) => `expected a web address starting with https://, found "${String(issue.input)}"`,
    abort: true,
  })
  .refine((text) => !NOT_IN_URL.test(text), {
    error: (issue) => {
      const character = NOT_IN_URL.exec(String(issue.input))![0];
      return `"${String(issue.input)}" contains ${describeCharacter(character)}, which a web address cannot contain as it is: percent-encode it as ${percentEncoded(character)}`;
    },
  });

export const email = z.email({ error: (issue) => `"${String(issue.input)}" is not an e-mail address` });

/** One line of plain text: titles and names. Never HTML; pages escape it. */
export const plainText = (max: number) =>
  z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
      error: 'contains control characters; remove them',
    });

/** A paragraph or more of Markdown, rendered and sanitised like document bodies. */
export const markdownText = z
  .string({ error: 'expected text (Markdown allowed)' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(20_000, { error: 'must be at most 20,000 characters' });

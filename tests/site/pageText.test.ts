/**
 * Words never run together on the built demo site: the text of every page, read the way
 * `innerText` reads it without a style sheet (what a screen reader, reader mode or a copy and paste
 * gets), has no letter directly followed by a digit ("started21 November") and no colon directly
 * followed by a word ("Support:support@…"). Both come from markup where an expression meets an
 * element with no space between them. And the demo's pages word each phase as it is: a
 * maintenance window not yet started, an ended release line, an extended end-of-support date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';

/** Elements whose text is not running prose, so the rule does not apply inside them. */
const LITERAL_ELEMENTS = new Set([
  // Machine text shown as it is: CVSS vectors, CPE names, package URLs, API paths and scopes.
  'code',
  'kbd',
  'samp',
  'pre',
  // Chart labels placed by coordinates (the lifecycle timeline); its table repeats them as text.
  'svg',
]);

/** Real words that contain what the rule looks for, each removed from the text before checking. */
const ALLOWED = [
  // Times of day: "22:00 UTC".
  /\d:\d/g,
  // Versions written against their name: "API v1", "IKEv2".
  /v\d+\b/g,
  // Names of standards and platforms in the demo content: FIDO2 keys, Amazon S3, Windows 10 22H2
  // on x64 and Arm64.
  /\b(?:FIDO2|S3|22H2|x64|Arm64)\b/g,
  // Checksum files in the CSAF directory listings: "ksa-2026-0002.json.sha512" (CSAF 2.0 7.1.18).
  /\.sha(?:256|512)\b/g,
];

const RUN_TOGETHER = /\p{L}\p{N}|:\w/u;

function withoutLiterals(tree: Root): Root {
  const prune = (node: Root | Root['children'][number]): void => {
    if (!('children' in node)) return;
    node.children = node.children.filter((child) => !(child.type === 'element' && LITERAL_ELEMENTS.has(child.tagName)));
    node.children.forEach(prune);
  };
  prune(tree);
  return tree;
}

/** The words of a page where letters and digits, or a colon and a word, run together. */
function runTogetherWords(html: string): string[] {
  const text = toText(withoutLiterals(fromHtml(html)));
  return text.split(/\s+/).filter((word) => {
    const rest = ALLOWED.reduce((remaining, allowed) => remaining.replace(allowed, ' '), word);
    return RUN_TOGETHER.test(rest);
  });
}

const pageFiles = readdirSync(DEMO_SITE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();

describe('the text of the demo site', () => {
  it('has pages to read', () => {
    expect(pageFiles).toEqual(
      expect.arrayContaining(['index.html', 'incidents/index.html', 'end-of-support/index.html']),
    );
  });

  it.each(pageFiles)('%s keeps a space between words, numbers and colons', (file) => {
    expect(runTogetherWords(readFileSync(path.join(DEMO_SITE_DIR, file), 'utf8'))).toEqual([]);
  });
});

/** The lines of a page's text, as `innerText` reads them. */
function pageLines(pagePath: string): string[] {
  const html = readFileSync(path.join(DEMO_SITE_DIR, pagePath, 'index.html'), 'utf8');
  return toText(fromHtml(html))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('the demo site in each phase', () => {
  it('gives upcoming maintenance its planned window once, never a start in the past tense', () => {
    const lines = pageLines('incidents/INC-2026-0029');
    expect(lines.slice(lines.indexOf('Scheduled Minor impact'), lines.indexOf('Affected'))).toEqual([
      'Scheduled Minor impact',
      'Planned window',
      '6 December 2026, 22:00 UTC to 7 December 2026, 02:00 UTC (starts in 14 days)',
    ]);
    expect(lines).toContain('What is planned');
    expect(lines).not.toContain('What happened');
  });

  it('says support for an ended release line ended', () => {
    expect(pageLines('end-of-support')).toContain('Kestrel Edge Gateway 4.x: support ended 30 June 2025');
  });

  it('tells each change to an end-of-support date as a sentence', () => {
    expect(pageLines('end-of-support')).toEqual(
      expect.arrayContaining([
        '1 March 2025: Announced: support ends 31 March 2027 (24 months’ notice).',
        '10 February 2026: Extended: support now ends 30 September 2027 instead of 31 March 2027 (19 months’ notice). Extended by six months because the migration assistant for high-availability pairs, planned for 6.0, will ship in 6.1.',
      ]),
    );
  });
});

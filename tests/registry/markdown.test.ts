/** Markdown from content cannot carry a script, and nothing it loses goes unmentioned. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  enableRenderCache,
  renderAheadAndSave,
  renderLater,
  renderMarkdown,
  unsafeMarkdown,
} from '../../src/registry/markdown.ts';
import { contentKey } from '../../src/registry/source/parseCache.ts';

describe('rendered Markdown', () => {
  it('keeps ordinary formatting and demotes headings below the page title', () => {
    expect(renderMarkdown('# Title\n\n**bold** and `code`')).toBe(
      '<h2>Title</h2>\n<p><strong>bold</strong> and <code>code</code></p>',
    );
  });

  it('drops raw HTML tags, so a script is left as harmless text', () => {
    expect(renderMarkdown('Hi <script>alert(1)</script><img src=x onerror=alert(1)>')).toBe('<p>Hi alert(1)</p>');
  });

  it('drops javascript:, vbscript: and data: links but keeps their text', () => {
    expect(renderMarkdown('[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x)')).toBe(
      '<p><a>a</a> <a>b</a> <a>c</a></p>',
    );
  });

  it('opens external links without giving them this page', () => {
    expect(renderMarkdown('[docs](https://docs.example.com)')).toBe(
      '<p><a href="https://docs.example.com" rel="noopener noreferrer">docs</a></p>',
    );
  });

  it('does not load images from anywhere', () => {
    expect(renderMarkdown('![logo](https://tracker.example.com/pixel.gif)')).toBe('<p></p>');
  });
});

describe('what the sanitiser removes is reported', () => {
  it('names raw HTML', () => {
    expect(unsafeMarkdown('Hi <iframe src="https://x.example"></iframe>').map((message) => message.text)).toEqual([
      'raw HTML "<iframe src=\\"https://x.example\\">" is not published: write it in Markdown instead',
      'raw HTML "</iframe>" is not published: write it in Markdown instead',
    ]);
  });

  it('names an unsafe link', () => {
    expect(unsafeMarkdown('[a](javascript:alert(1))').map((message) => message.text)).toEqual([
      'the link to "javascript:alert(1)" is not published: links must use https:, http: or mailto:',
    ]);
  });

  it('names an image', () => {
    expect(unsafeMarkdown('![x](https://x.example/a.png)').map((message) => message.text)).toEqual([
      'images are not published (they would load from another site): link to the image instead',
    ]);
  });

  it('says nothing about safe Markdown, even when it mentions code like <T>', () => {
    expect(unsafeMarkdown('Use `Map<K, V>` and [docs](https://x.example).')).toEqual([]);
  });
});

// Last in this file: it switches the render cache on for the rest of the process.
describe('the render cache the build fills ahead (its check renders, the pages and files read)', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'trustline-render-')), 'rendered.v8');
  const saved = () => [...(deserialize(readFileSync(file)) as Map<string, string>).values()].sort();

  it('renders each text once, however often it occurs, and saves exactly those', () => {
    enableRenderCache(file);
    const first = renderLater('**one**');
    const again = renderLater('**one**');
    renderLater('two');
    expect(renderAheadAndSave()).toBe(2);
    expect([first(), again()]).toEqual(['<p><strong>one</strong></p>', '<p><strong>one</strong></p>']);
    expect(saved()).toEqual(['<p><strong>one</strong></p>', '<p>two</p>']);
  });

  it('renders only what the previous build did not, and forgets what is no longer used', () => {
    enableRenderCache(file);
    renderLater('two');
    renderLater('three');
    expect(renderAheadAndSave()).toBe(1);
    expect(saved()).toEqual(['<p>three</p>', '<p>two</p>']);
    const written = statSync(file).mtimeMs;
    enableRenderCache(file);
    renderLater('three');
    renderLater('two');
    expect(renderAheadAndSave()).toBe(0);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('gives another process the saved HTML rather than rendering again', () => {
    writeFileSync(file, serialize(new Map([[contentKey('two'), '<p>from the cache</p>']])));
    enableRenderCache(file);
    expect(renderLater('two')()).toBe('<p>from the cache</p>');
    expect(renderMarkdown('three')).toBe('<p>three</p>');
  });
});

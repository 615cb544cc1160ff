/** Markdown from content cannot carry a script, and nothing it loses goes unmentioned. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, unsafeMarkdown } from '../../src/registry/markdown.ts';

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

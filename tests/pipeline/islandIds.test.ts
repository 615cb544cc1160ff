/** Island ids that do not depend on the project's folder (src/pipeline/islandIds.ts). */
import { describe, expect, it } from 'vitest';
import { withPathIndependentIslandIds } from '../../src/pipeline/islandIds.ts';

const island = (uid: string, props = '{}') =>
  `<p>before</p><astro-island uid="${uid}" component-url="/_astro/Badge.abc.js" props="${props}" client="load"><b>ssr</b></astro-island><p>after</p>`;

describe('island ids', () => {
  it('are the same for the same island whatever uid Astro gave it, and only the uid changes', () => {
    const fromOneFolder = withPathIndependentIslandIds(island('Z1pDa5i'));
    expect(withPathIndependentIslandIds(island('ZA6mJi'))).toBe(fromOneFolder);
    expect(fromOneFolder.replace(/ uid="[^"]*"/, ' uid="Z1pDa5i"')).toBe(island('Z1pDa5i'));
  });

  it('differ between islands with different props', () => {
    const uid = (html: string) => / uid="([^"]*)"/.exec(withPathIndependentIslandIds(html))?.[1];
    expect(uid(island('same', '{&quot;a&quot;:1}'))).not.toBe(uid(island('same', '{&quot;a&quot;:2}')));
  });

  it('leave a page without islands as it was', () => {
    expect(withPathIndependentIslandIds('<p uid="x">no island</p>')).toBe('<p uid="x">no island</p>');
  });
});

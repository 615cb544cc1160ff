/** The shape of markup, for tests that hostile text adds no element or attribute to it. */
import type { Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export type Shape = string[];

/** Every element of HTML (a fragment, or a whole document) with its attribute names, in document order. */
export function htmlShape(html: string, fragment = true): Shape {
  const shape: Shape = [];
  const walk = (node: HastNodes, path: string) => {
    if (node.type === 'element') {
      path = `${path}/${node.tagName}`;
      shape.push(`${path}[${Object.keys(node.properties).sort().join(',')}]`);
    }
    if ('children' in node) for (const child of node.children) walk(child, path);
  };
  walk(fromHtml(html, { fragment }), '');
  return shape;
}

/**
 * Markup the outputs are written in, and the one place that escapes it.
 *
 * - XML (RSS, Atom, OPML): `escapeText` for element content, `escapeAttribute` for a
 *   double-quoted attribute value.
 * - HTML (feed items' content, CSAF folder listings, the dev error page, search documents): built
 *   as a tree (hast) and written by `serialiseHtml`, which escapes every text and attribute value
 *   for where it stands. No HTML is put together from strings, so a `"` in a URL cannot end an
 *   attribute and a `<` in a title cannot start an element.
 */
import type { ElementContent, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * Characters XML 1.0 does not allow anywhere, not even as character references (XML 1.0 §2.2
 * "Char"): C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone
 * surrogates. Titles cannot contain them (the schema refuses control characters), but Markdown
 * bodies can, and one stray U+0001 would make the whole feed unreadable.
 */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The same without the surrogates: no look-around, so a text is scanned at full speed. */
const CONTROL_OR_NONCHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function withoutForbiddenCharacters(text: string): string {
  // Nearly every text has none: two fast scans (a lone surrogate makes a string not well formed)
  // cost less than half of the full replace, which every item of every feed goes through.
  if (!CONTROL_OR_NONCHARACTER.test(text) && text.isWellFormed()) return text;
  return text.replace(NOT_XML_CHAR, '');
}

/** Text content of an XML element. `>` is escaped too, so `]]>` never appears. */
export function escapeText(text: string): string {
  return withoutForbiddenCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value. Tabs and line breaks are kept as references (XML 1.0 §3.3.3 normalises them away otherwise). */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** HTML the Registry has already rendered and sanitised (`RichText.html`), as nodes to put in a tree. */
export function htmlFragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/** A tree written out as HTML: text and attribute values are escaped by hast-util-to-html. */
export function serialiseHtml(tree: Nodes | readonly ElementContent[]): string {
  return toHtml('type' in tree ? tree : { type: 'root', children: [...tree] });
}

const LINK_ATTRIBUTES = ['href', 'src'] as const;

/**
 * Feed readers show items away from the site, where a relative link has nothing to resolve
 * against (RSS has no base; Atom's xml:base is ignored by many readers): the `href` and `src` of
 * every element become absolute, resolved against the page the item is about. Only attributes
 * of parsed elements change; text that looks like an attribute (`src="user"` in inline code)
 * stays as it was written. The nodes given are not changed: an element is copied when a link in
 * it or below it changes, and every other node is kept as it is.
 */
export function withAbsoluteLinks(nodes: readonly ElementContent[], pageUrl: string): ElementContent[] {
  return nodes.map((node) => withAbsoluteLink(node, pageUrl));
}

function withAbsoluteLink(node: ElementContent, pageUrl: string): ElementContent {
  if (node.type !== 'element') return node;
  let properties = node.properties;
  for (const name of LINK_ATTRIBUTES) {
    const value = properties[name];
    if (typeof value !== 'string' || URL.canParse(value) || !URL.canParse(value, pageUrl)) continue;
    properties = { ...properties, [name]: new URL(value, pageUrl).href };
  }
  const children = node.children.map((child) => withAbsoluteLink(child, pageUrl));
  const unchanged = properties === node.properties && children.every((child, index) => child === node.children[index]);
  return unchanged ? node : { ...node, properties, children };
}

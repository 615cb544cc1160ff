/**
 * Escaping for the markup outputs are written in (feeds, OPML, listings). Every string goes
 * through one of these, so a title with `<`, `&` or `]]>` stays text and the XML stays
 * well-formed.
 */

/**
 * Characters XML 1.0 does not allow anywhere, not even as character references (XML 1.0 §2.2
 * "Char"): C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone
 * surrogates. Titles cannot contain them (the schema refuses control characters), but Markdown
 * bodies can, and one stray U+0001 would make the whole feed unreadable.
 */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function withoutForbiddenCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text content of an XML or HTML element. `>` is escaped too, so `]]>` never appears. */
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

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references a serialiser writes into attribute values (`&#x26;`, `&amp;`). */
function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference: string, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED_REFERENCES[name.toLowerCase()] ?? reference;
  });
}

/**
 * Feed readers show items away from the site, where a relative link has nothing to resolve
 * against (RSS has no base; Atom's xml:base is ignored by many readers): every `href` and `src`
 * becomes absolute, resolved against the page the item is about.
 */
export function withAbsoluteLinks(html: string, pageUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (attribute: string, name: string, escapedValue: string) => {
    const value = decodeReferences(escapedValue);
    if (URL.canParse(value)) return attribute;
    if (!URL.canParse(value, pageUrl)) return attribute;
    return `${name}="${escapeAttribute(new URL(value, pageUrl).href)}"`;
  });
}

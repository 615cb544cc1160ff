/**
 * The published facts of incidents and advisories, written the one way the check, the pages, the
 * feeds and CSAF give them (docs/editor-guide.md, "Correct a published fact"): the check compares
 * these texts across the versions git published, and a correction's "was" is one of them.
 */

/** An instant as the Registry holds it (UTC, RFC 3339 §5.6 with "Z"); text that is no instant stays as it is. */
export function utcInstant(timestamp: string): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : new Date(time).toISOString().replace('.000Z', 'Z');
}

/** An incident's affected products: "gateway: 1.x, 2.x; console: all release lines". */
export function incidentAffectsText(affects: readonly { product: string; releases?: readonly string[] | undefined }[]) {
  return affects
    .map((entry) => `${entry.product}: ${entry.releases ? entry.releases.join(', ') : 'all release lines'}`)
    .join('; ');
}

/** An advisory's affected release line: "gateway 1.x". */
export const releaseLineText = (entry: { product: string; release: string }) => `${entry.product} ${entry.release}`;

/** What a corrected field is, in words: "impact", "the time of update 2", "the CVSS vector". */
export function correctedFieldWords(field: string, releaseLineOf: (index: number) => string | undefined): string {
  const update = /^updates\[(\d+)\]\.(at|status|text)$/.exec(field);
  if (update) {
    const what = { at: 'the time', status: 'the status', text: 'the text' }[update[2] as 'at' | 'status' | 'text'];
    return `${what} of update ${Number(update[1]) + 1}`;
  }
  const affected = /^affects\[(\d+)\]\.(affected|fixed)$/.exec(field);
  if (affected) {
    const line = releaseLineOf(Number(affected[1])) ?? `release line ${Number(affected[1]) + 1}`;
    return affected[2] === 'fixed' ? `the fixed version of ${line}` : `the affected versions of ${line}`;
  }
  return (
    {
      impact: 'impact',
      affects: 'the affected products',
      cves: 'a CVE ID',
      'cvss.vector': 'the CVSS vector',
      'cvss.severity': 'the severity',
    }[field] ?? field
  );
}

/** A value as the exact YAML to write: plain when it reads back as the same text, else quoted. */
export function yamlValue(value: string): string {
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/**
 * A small RFC 9116 reader for the tests (none is maintained on npm): it checks a security.txt
 * field by field and returns every problem, so a test can both accept the demo file and prove
 * that a broken one is refused.
 */

/** RFC 9116 §2.5 fields, plus CSAF (CSAF 2.0 §7.1.8). Field names are case-insensitive (§2.4). */
const KNOWN_FIELDS = [
  'acknowledgments',
  'canonical',
  'contact',
  'encryption',
  'expires',
  'hiring',
  'policy',
  'preferred-languages',
  'csaf',
];
const AT_MOST_ONCE = ['expires', 'preferred-languages'];

export interface SecurityTxtReading {
  /** Field name (lower case) to its values in order. */
  fields: Map<string, string[]>;
  problems: string[];
  signed: boolean;
}

/** RFC 9580 §7.1: the signed text of a cleartext-signed message, dash-escaping undone. */
function signedText(text: string): string | undefined {
  const match =
    /^-----BEGIN PGP SIGNED MESSAGE-----\r?\n(?:Hash: [^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n-----BEGIN PGP SIGNATURE-----/.exec(
      text,
    );
  return match?.[1]?.replace(/^- /gm, '');
}

export function readSecurityTxt(text: string, options: { now: Date; canonicalUrl: string }): SecurityTxtReading {
  const problems: string[] = [];
  const signed = text.startsWith('-----BEGIN PGP SIGNED MESSAGE-----');
  const body = signed ? signedText(text) : text;
  if (body === undefined) return { fields: new Map(), problems: ['malformed cleartext-signed message'], signed };
  // §4: lines end with CRLF or LF; a CR alone is not a line ending.
  if (/\r(?!\n)/.test(body)) problems.push('a line ends with a bare CR');
  const fields = new Map<string, string[]>();
  body.split(/\r?\n/).forEach((line, index) => {
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9-]+): (\S.*)$/.exec(line);
    if (!match) {
      problems.push(`line ${String(index + 1)} is not "Field: value": ${JSON.stringify(line)}`);
      return;
    }
    const name = (match[1] as string).toLowerCase();
    if (!KNOWN_FIELDS.includes(name)) problems.push(`unknown field "${match[1] as string}"`);
    fields.set(name, [...(fields.get(name) ?? []), match[2] as string]);
  });

  const contacts = fields.get('contact') ?? [];
  if (contacts.length === 0) problems.push('Contact is required (§2.5.3)');
  for (const contact of contacts) {
    if (!/^(mailto:[^@\s]+@[^@\s]+|tel:\+?[0-9-]+|https:\/\/\S+)$/.test(contact)) {
      problems.push(`Contact "${contact}" is not a mailto:, tel: or https:// URI (§2.5.3)`);
    }
  }
  for (const name of AT_MOST_ONCE) {
    if ((fields.get(name)?.length ?? 0) > 1) problems.push(`${name} appears more than once (§2.5)`);
  }
  const expires = fields.get('expires') ?? [];
  if (expires.length !== 1) problems.push('Expires is required exactly once (§2.5.5)');
  for (const value of expires) {
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    const at = Date.parse(value);
    if (!rfc3339.test(value) || Number.isNaN(at)) problems.push(`Expires "${value}" is not an RFC 3339 date-time`);
    else {
      const aYearLater = new Date(options.now);
      aYearLater.setUTCFullYear(aYearLater.getUTCFullYear() + 1);
      if (at <= options.now.getTime()) problems.push(`Expires ${value} is in the past`);
      if (at > aYearLater.getTime()) problems.push(`Expires ${value} is more than a year ahead (§2.5.5)`);
    }
  }
  for (const name of ['encryption', 'policy', 'canonical', 'acknowledgments', 'hiring', 'csaf']) {
    for (const value of fields.get(name) ?? []) {
      // §2.5: web URIs MUST begin with "https://".
      if (!value.startsWith('https://') && !(name === 'encryption' && /^(openpgp4fpr|dns):/.test(value))) {
        problems.push(`${name} "${value}" is not an https:// URI`);
      }
    }
  }
  const canonical = fields.get('canonical') ?? [];
  if (canonical.length > 0 && !canonical.includes(options.canonicalUrl)) {
    problems.push(`Canonical does not list ${options.canonicalUrl} (§2.5.2)`);
  }
  return { fields, problems, signed };
}

/**
 * Vulnerability-tool identifiers, checked against their specifications so that scanners and CSAF
 * consumers can match them: each check returns what is wrong, in the editor's words, or undefined.
 */

/**
 * CVE ID syntax (cve.org, "CVE ID Syntax"): CVE-YYYY-NNNN, the year from 1999, the sequence four
 * digits or more, with leading zeros only to make up four digits.
 */
export const CVE_ID = /^CVE-(?:1999|2\d{3})-(?:0\d{3}|[1-9]\d{3,18})$/;

/** The components of a CPE 2.3 formatted string after "cpe:2.3" (NISTIR 7695 §6.2). */
const CPE_COMPONENTS = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'sw_edition',
  'target_sw',
  'target_hw',
  'other',
];
// NISTIR 7695 §6.2.2: unreserved characters, or any printable punctuation quoted with "\", with
// "?" and "*" wildcards only at either end; or the logical values "*" (ANY) and "-" (NA).
const CPE_VALUE = /^(?:[*-]|(?:\?+|\*)?(?:[A-Za-z0-9._-]|\\[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~-])+(?:\?+|\*)?)$/;
const CPE_LANGUAGE = /^(?:[*-]|[A-Za-z]{2,3}(?:-(?:[A-Za-z]{2}|\d{3}))?)$/;

export function cpeProblem(cpe: string): string | undefined {
  if (!cpe.startsWith('cpe:2.3:')) return 'a CPE 2.3 name starts with "cpe:2.3:"';
  // Colons quoted with "\" are part of a value, not separators.
  const values = cpe.slice('cpe:2.3:'.length).split(/(?<!\\):/);
  if (values.length !== CPE_COMPONENTS.length) {
    return `it has ${values.length + 2} parts separated by ":"; a CPE 2.3 name has 13`;
  }
  for (const [index, value] of values.entries()) {
    const component = CPE_COMPONENTS[index]!;
    const valid =
      component === 'part'
        ? /^[aho*-]$/.test(value)
        : (component === 'language' ? CPE_LANGUAGE : CPE_VALUE).test(value);
    if (!valid) {
      return component === 'part'
        ? `the part "${value}" must be "a" (application), "o" (operating system) or "h" (hardware)`
        : `the ${component} "${value}" is not allowed: use letters, digits, ".", "_" and "-", put "\\" before any other character, or "*" for any`;
    }
  }
  return undefined;
}

// purl specification: the type is ASCII letters, digits, ".", "+" and "-", not starting with a
// digit; namespace segments and the name are percent-encoded (unreserved characters as they are).
const PURL_TYPE = /^[A-Za-z.+-][A-Za-z0-9.+-]*$/;
const PURL_SEGMENT = /^(?:[A-Za-z0-9._~:!$&'()*+,;=-]|%[0-9A-Fa-f]{2})+$/;

/** A purl without version, qualifiers or subpath: pkg:type/namespace/name. */
export function purlProblem(purl: string): string | undefined {
  if (!purl.startsWith('pkg:')) return 'a package URL starts with "pkg:"';
  const rest = purl.slice('pkg:'.length);
  if (/[@?#]/.test(rest)) {
    return 'leave out the version ("@…"), qualifiers ("?…") and subpath ("#…"): the release line is added as the version';
  }
  const [type = '', ...segments] = rest.split('/');
  if (!PURL_TYPE.test(type)) {
    return `the type "${type}" is not allowed: use letters, digits, ".", "+" and "-", not starting with a digit, e.g. "generic"`;
  }
  if (segments.length === 0 || segments.at(-1) === '') return 'the name is missing after the type: "pkg:type/name"';
  for (const segment of segments) {
    if (!PURL_SEGMENT.test(segment) || !decodes(segment)) {
      return `"${segment}" is not allowed: write spaces and other special characters percent-encoded, e.g. "%20"`;
    }
  }
  return undefined;
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

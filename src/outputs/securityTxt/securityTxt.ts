/**
 * /.well-known/security.txt (RFC 9116): where and how to report a vulnerability (Code of Practice
 * 3.2). Every value comes from the vendor profile; Expires is computed from the build time, so a
 * daily rebuild keeps the file fresh.
 */
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';

/** RFC 9116 §2.5.5: the Expires value should be less than a year into the future. */
export const MAX_EXPIRES_AFTER_DAYS = 365;

export class SecurityTxtError extends Error {
  override name = 'SecurityTxtError';
}

export type SecurityTxtField = readonly [name: string, value: string];

/** The fields in the order they are written; the first Contact is the preferred one (§2.5.3). */
export function securityTxtFields(registry: Registry): SecurityTxtField[] {
  const { vendor } = registry;
  const { email, url } = vendor.contacts.security;
  const contacts = [email && `mailto:${email}`, url].filter((value): value is string => Boolean(value));
  return [
    ...contacts.map((contact) => ['Contact', contact] as const),
    ['Expires', expiresAt(registry.buildTime, vendor.securityTxt.expiresAfterDays)],
    ...(vendor.pgpKeyUrl ? [['Encryption', vendor.pgpKeyUrl] as const] : []),
    ['Preferred-Languages', vendor.securityTxt.preferredLanguages.join(', ')],
    ['Policy', absoluteUrl(vendor, paths.policy(registry.index.policy('vulnerability-disclosure').slug))],
    ['Canonical', absoluteUrl(vendor, paths.securityTxt())],
    // CSAF 2.0 §7.1.8 (requirement 8): security.txt points at the provider metadata.
    ['CSAF', absoluteUrl(vendor, paths.csafProviderMetadata())],
  ];
}

/** The unsigned file: a comment naming the vendor, then one `Field: value` per line (LF). */
export function securityTxt(registry: Registry): string {
  const header = `# Security contacts of ${registry.vendor.name}. Generated ${registry.buildTime}; the file is rebuilt before it expires.`;
  const lines = securityTxtFields(registry).map(([name, value]) => `${name}: ${value}`);
  return `${[header, ...lines].join('\n')}\n`;
}

/**
 * The build time plus the configured period, as an RFC 3339 UTC time (§2.5.5). Refuses a period
 * that would give an expired file or one more than a year ahead: the content schema already
 * refuses such a period, and this keeps the rule true whatever calls it.
 */
export function expiresAt(buildTime: string, expiresAfterDays: number): string {
  if (!Number.isInteger(expiresAfterDays) || expiresAfterDays < 1 || expiresAfterDays > MAX_EXPIRES_AFTER_DAYS) {
    throw new SecurityTxtError(
      `security.txt cannot expire ${String(expiresAfterDays)} days after the build: use a whole number from 1 to ${String(MAX_EXPIRES_AFTER_DAYS)} (RFC 9116 §2.5.5)`,
    );
  }
  const expires = new Date(Date.parse(buildTime) + expiresAfterDays * 86_400_000);
  return expires.toISOString().replace('.000Z', 'Z');
}

/**
 * What `trustline init` asks: the vendor profile's required fields (content/vendor.yml), each
 * checked with the schema's own words before anything is written.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { email, httpsUrl } from '../../registry/schema/primitives.ts';
import { vendorSchema } from '../../registry/schema/vendor.ts';
import { displayPath } from '../../registry/source/readContentFiles.ts';
import { bySchema, type Question } from '../new/questions.ts';

const fields = vendorSchema.shape;

/** The Senior Responsible Owner suggested at the prompt (Code of Practice, table 2: a senior leader). */
export const DEFAULT_SENIOR_RESPONSIBLE_OWNER = 'Chief Information Security Officer';

/** A contact as vendor.yml writes it: an e-mail address or a web page. */
export type Contact = { readonly email: string } | { readonly url: string };

/** "security@example.com" → { email }, "https://example.com/security" → { url }. */
export function contactOf(value: string): Contact {
  return /^[^:/]+@/.test(value) ? { email: value } : { url: value };
}

const validContact = (value: string) =>
  'email' in contactOf(value) ? bySchema(email)(value) : bySchema(httpsUrl)(value);

/** The portal's address, checked as site.url is (a path is served as the base path). */
function validSiteUrl(value: string): string | undefined {
  return fields.site.safeParse({ url: value }).error?.issues[0]?.message;
}

/** Why a folder cannot take a new portal; undefined when it is new or empty. */
export function folderProblem(folder: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  const label = displayPath(folder);
  if (!statSync(folder).isDirectory()) return `${label} is a file: choose a folder for the portal`;
  if (readdirSync(folder).length > 0)
    return `${label} already exists and is not empty: choose a new folder (init creates it) or an empty one`;
  return undefined;
}

/** The origin of an address (the default web site), e.g. "https://trust.example.com/x/" → "https://trust.example.com". */
export const originOf = (value: unknown) =>
  typeof value === 'string' && URL.canParse(value) ? new URL(value).origin : undefined;

export function initQuestions(): Question[] {
  return [
    {
      flag: 'name',
      message: 'Vendor name, as customers know it',
      required: true,
      validate: bySchema(fields.name),
    },
    {
      flag: 'url',
      message: 'Address of the portal, e.g. https://trust.example.com or https://owner.github.io/trust/',
      required: true,
      placeholder: 'URL',
      validate: validSiteUrl,
    },
    {
      flag: 'security-contact',
      message: 'Where vulnerabilities are reported: an e-mail address or an https:// page',
      required: true,
      placeholder: 'EMAIL|URL',
      validate: validContact,
    },
    {
      flag: 'support-contact',
      message: 'Where customers get product support: an e-mail address or an https:// page',
      required: true,
      placeholder: 'EMAIL|URL',
      validate: validContact,
    },
    {
      flag: 'website',
      message: "The vendor's own web site, the CSAF publisher namespace; by default the portal's origin",
      placeholder: 'URL',
      default: (answers) => originOf(answers['url']),
      validate: bySchema(fields.csaf.shape.publisherNamespace),
    },
    {
      flag: 'pgp-key-url',
      message: "Address of the security team's public OpenPGP key, for encrypted reports; without it, check warns",
      placeholder: 'URL',
      validate: bySchema(httpsUrl),
    },
    {
      flag: 'senior-responsible-owner',
      message: 'The role accountable for software security (Code of Practice principle 4)',
      required: true,
      default: () => DEFAULT_SENIOR_RESPONSIBLE_OWNER,
      validate: bySchema(fields.seniorResponsibleOwner),
    },
    {
      flag: 'description',
      message: 'One or two sentences for the overview page',
      required: true,
      default: (answers) => (typeof answers['name'] === 'string' ? defaultDescription(answers['name']) : undefined),
      validate: bySchema(fields.description),
    },
  ];
}

export function defaultDescription(name: string): string {
  return `${name} publishes the support lifecycle of its software, end-of-support notices, incidents, security advisories and the policies behind them on this portal.`;
}

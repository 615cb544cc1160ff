/**
 * content/vendor.yml: who the vendor is and how the portal is configured. One file, validated
 * like all content, so a vendor changes its settings in the same reviewed way as its notices.
 */
import { z } from 'zod';
import { brandSchema, footerLinksSchema, navigationSchema } from './brand.ts';
import { notificationsSchema } from './notifications.ts';
import { email, httpsUrl, plainText } from './primitives.ts';

const contact = z
  .strictObject({
    email: email.optional().describe('E-mail address.'),
    url: httpsUrl.optional().describe('Web page or form.'),
  })
  .refine((contact) => contact.email !== undefined || contact.url !== undefined, {
    error: 'give an email, a url, or both',
  });

const endsWithSlash = httpsUrl.refine((url) => url.endsWith('/'), {
  error: (issue) => `"${String(issue.input)}" must end with "/": the path or the commit id is added after it`,
});

const BASE_PATH = /^\/([a-z0-9-]+\/)*$/;
const basePath = z.string().regex(BASE_PATH, { error: 'must start and end with "/", e.g. "/" or "/trust/"' });

/**
 * The portal's address as one origin and one base path: a url with a path
 * ("https://owner.github.io/trust-portal/") gives the base path, so every link, feed and machine
 * file adds the path once. A basePath given as well must be the same path.
 */
function splitSiteUrl<Site extends { url: string; basePath?: string | undefined }>(
  site: Site,
  context: z.core.$RefinementCtx<Site>,
): Site & { basePath: string } {
  const url = new URL(site.url);
  const urlPath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (url.search || url.hash) {
    context.issues.push({
      code: 'custom',
      path: ['url'],
      input: site.url,
      message: `"${site.url}" has a query or fragment: give the address of the portal only, e.g. "${url.origin}${urlPath}"`,
    });
  } else if (!BASE_PATH.test(urlPath)) {
    context.issues.push({
      code: 'custom',
      path: ['url'],
      input: site.url,
      message: `the path of "${site.url}" is served as the base path, which may hold only lower-case letters, digits and hyphens between "/": serve the portal under such a path, e.g. "${url.origin}/trust-portal/"`,
    });
  } else if (site.basePath !== undefined && urlPath !== '/' && site.basePath !== urlPath) {
    context.issues.push({
      code: 'custom',
      path: ['basePath'],
      input: site.basePath,
      message: `"${site.basePath}" is not the path of url "${site.url}": remove basePath (the path of url is used), or give url as "${url.origin}" with basePath "${urlPath}"`,
    });
  }
  return { ...site, url: url.origin, basePath: urlPath === '/' ? (site.basePath ?? '/') : urlPath };
}

export const vendorSchema = z
  .strictObject({
    name: plainText(80).describe('The vendor name customers know, e.g. "Example Software".'),
    description: plainText(400).describe('One or two sentences shown on the overview page.'),
    site: z
      .strictObject({
        url: httpsUrl.describe(
          'Address of the portal, e.g. https://trust.example.com, or https://owner.github.io/trust-portal/ for a site served under a path.',
        ),
        basePath: basePath
          .optional()
          .describe('Path the portal is served under, e.g. "/trust/". Defaults to the path of url, or "/".'),
        language: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'expected a language tag such as "en" or "en-GB"' })
          .default('en-GB')
          .describe('Language of the content, as a BCP 47 tag.'),
      })
      .transform(splitSiteUrl)
      .describe('Where the portal lives.'),
    contacts: z
      .strictObject({
        support: contact.describe('Where customers get product support.'),
        security: contact.describe('Where vulnerabilities are reported (also used in security.txt).'),
      })
      .describe('How customers reach the vendor.'),
    seniorResponsibleOwner: plainText(120).describe(
      'The role accountable for software security (Code of Practice principle 4), e.g. "Chief Information Security Officer".',
    ),
    pgpKeyUrl: httpsUrl.optional().describe('Address of the public PGP key for encrypted reports.'),
    csaf: z
      .strictObject({
        publisherNamespace: httpsUrl.describe(
          'CSAF publisher namespace: the vendor web site, e.g. https://example.com.',
        ),
      })
      .describe('CSAF 2.0 provider settings.'),
    securityTxt: z
      .strictObject({
        expiresAfterDays: z
          .int({ error: 'expected a whole number of days' })
          .min(1, { error: 'must be at least 1 day' })
          .max(365, { error: 'RFC 9116 advises against more than a year: use at most 365 days' })
          .default(180)
          .describe('security.txt Expires is the build date plus this many days (at most 365).'),
        preferredLanguages: z.array(z.string()).min(1).default(['en']).describe('Languages for security reports.'),
      })
      .default({ expiresAfterDays: 180, preferredLanguages: ['en'] })
      .describe('security.txt settings (RFC 9116).'),
    feeds: z
      .strictObject({
        maxItems: z
          .int({ error: 'expected a whole number' })
          .min(10, { error: 'must be at least 10' })
          .max(1000, { error: 'must be at most 1000' })
          .default(50)
          .describe('How many of the latest items each feed keeps.'),
      })
      .default({ maxItems: 50 })
      .describe('Feed settings.'),
    brand: brandSchema.optional(),
    footerLinks: footerLinksSchema.optional(),
    navigation: navigationSchema,
    notifications: notificationsSchema.optional(),
    sourceRepository: z
      .strictObject({
        fileHistory: endsWithSlash.describe(
          "Address to which a content file's path in the repository is added to show its history, e.g. https://github.com/example/trust-content/commits/main/",
        ),
        commit: endsWithSlash.describe(
          'Address to which a commit id is added to show the commit, e.g. https://github.com/example/trust-content/commit/',
        ),
      })
      .optional()
      .describe(
        "Off by default. The public repository of the content: incident, advisory and product pages link their source file's history and the commit they were built from (docs/verifying.md).",
      ),
  })
  .describe('The vendor profile and portal configuration (content/vendor.yml).');

export type VendorData = z.output<typeof vendorSchema>;

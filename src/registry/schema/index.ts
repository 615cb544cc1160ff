/** Every kind of content: its contentlayer2 type name, schema, and the file or folder it lives in. */
import { advisorySchema } from './advisory.ts';
import { incidentSchema } from './incident.ts';
import { policySchema } from './policy.ts';
import { productSchema } from './product.ts';
import { supportLevelsSchema } from './supportLevels.ts';
import { vendorSchema } from './vendor.ts';
import { withdrawnSchema } from './withdrawn.ts';

export const contentKinds = {
  vendor: { typeName: 'Vendor', schema: vendorSchema, location: 'vendor.yml', hasBody: false },
  supportLevels: {
    typeName: 'SupportLevels',
    schema: supportLevelsSchema,
    location: 'support-levels.yml',
    hasBody: false,
  },
  product: { typeName: 'Product', schema: productSchema, location: 'products/', hasBody: true },
  incident: { typeName: 'Incident', schema: incidentSchema, location: 'incidents/', hasBody: true },
  advisory: { typeName: 'Advisory', schema: advisorySchema, location: 'advisories/', hasBody: true },
  policy: { typeName: 'Policy', schema: policySchema, location: 'policies/', hasBody: true },
  withdrawn: { typeName: 'Withdrawn', schema: withdrawnSchema, location: 'withdrawn.yml', hasBody: false },
} as const;

export type ContentKind = keyof typeof contentKinds;

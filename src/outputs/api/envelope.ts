/**
 * What every API v1 response carries: the version of the response schema (api/v1/schema.json)
 * and the build time the data is "as of".
 */
import type { Registry } from '../../registry/types.ts';

/** Bumped on any change to a response's shape; additions raise the minor number. */
export const API_SCHEMA_VERSION = '1.0';

export function envelope(registry: Registry) {
  return { schema_version: API_SCHEMA_VERSION, generated_at: registry.buildTime } as const;
}

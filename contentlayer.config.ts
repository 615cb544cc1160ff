/**
 * contentlayer2 discovers the content files, parses them and renders Markdown bodies (with the
 * project's sanitising pipeline). It does not validate: every field is declared loosely as JSON,
 * with the names taken from the zod schemas, and the Registry validates everything with zod.
 * The strict options below are a second line of defence; `check` runs first and explains.
 */
import path from 'node:path';
import { defineDocumentType, makeSource, type FieldDefs } from 'contentlayer2/source-files';
import remarkFrontmatter from 'remark-frontmatter';
import type { z } from 'zod';
import { useMarkdownPipeline } from './src/registry/markdown.ts';
import { contentKinds, type ContentKind } from './src/registry/schema/index.ts';

function fieldsOf(schema: z.ZodType): FieldDefs {
  const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
  return Object.fromEntries(Object.keys(shape).map((name) => [name, { type: 'json' as const }]));
}

/**
 * The build ingests in shards (src/pipeline/ingestShards.ts): TRUSTLINE_CONTENT is then the shard's
 * folder of links and TRUSTLINE_INGEST_KINDS the kinds among its files. Unset, all kinds.
 */
const kinds = (process.env['TRUSTLINE_INGEST_KINDS']?.split(',').filter(Boolean) ??
  Object.keys(contentKinds)) as ContentKind[];

const documentTypes = kinds.map((kind) => {
  const { typeName, schema, location, hasBody } = contentKinds[kind];
  return defineDocumentType(() => ({
    name: typeName,
    filePathPattern: location.endsWith('/') ? `${location}**/*.md` : location,
    contentType: hasBody ? 'markdown' : 'data',
    fields: fieldsOf(schema),
  }));
});

export default makeSource({
  contentDirPath: path.resolve(process.env['TRUSTLINE_CONTENT'] ?? 'content'),
  documentTypes,
  // With a custom pipeline contentlayer2 passes the whole file: remark-frontmatter keeps the front
  // matter out of the rendered body.
  markdown: (processor) => {
    processor.use(remarkFrontmatter);
    useMarkdownPipeline(processor);
  },
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  disableImportAliasWarning: true,
});

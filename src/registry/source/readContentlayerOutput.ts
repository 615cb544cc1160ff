/**
 * Reads what contentlayer2 generated (`.contentlayer/generated/<Type>/_index.json`): the
 * parsed fields and the rendered Markdown body of every document, ready for validation.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentKinds, type ContentKind } from '../schema/index.ts';
import type { Problem } from '../problems.ts';
import type { SourceDocument } from './document.ts';
import { displayPath, listContentFiles, type ContentFiles } from './readContentFiles.ts';

interface GeneratedDocument {
  _id: string;
  _raw: { sourceFilePath: string };
  type: string;
  body?: { raw: string; html: string };
  [field: string]: unknown;
}

export function readContentlayerOutput(generatedDir: string, contentDir: string): ContentFiles {
  const documents: SourceDocument[] = [];
  for (const kind of Object.keys(contentKinds) as ContentKind[]) {
    const indexFile = path.join(generatedDir, contentKinds[kind].typeName, '_index.json');
    if (!existsSync(indexFile)) continue;
    const generated = JSON.parse(readFileSync(indexFile, 'utf8')) as GeneratedDocument[];
    for (const { _id, _raw, type, body, ...data } of generated) {
      void _id;
      void type;
      documents.push({
        kind,
        file: displayPath(path.join(contentDir, _raw.sourceFilePath)),
        data,
        body: body?.raw ?? '',
        bodyHtml: body?.html,
        dataLine: body ? 2 : 1,
      });
    }
  }
  documents.sort((a, b) => a.file.localeCompare(b.file));
  // Nothing silently dropped: every content file must have come through ingestion.
  const files = listContentFiles(contentDir);
  const ingested = new Set(documents.map((document) => document.file));
  const problems: Problem[] = files
    .map((file) => displayPath(path.join(contentDir, file)))
    .filter((file) => !ingested.has(file))
    .map((file) => ({
      severity: 'error',
      file,
      message: 'contentlayer2 did not ingest this file: run `npm run check` and fix what it reports, then build again',
    }));
  return { documents, problems, files };
}

/**
 * Runs a zod schema over a parsed document and rewrites each issue for the person who wrote the
 * file: the field, what was expected, what was found, and a suggestion for a misspelt field.
 *
 * A document that fails keeps the fields that passed, so the cross-document rules still check
 * them in the same run: `check` reports every mistake at once, not one stage at a time.
 */
import { z } from 'zod';
import { formatFieldPath, type FieldPath, type Problem } from './problems.ts';
import type { SourceDocument } from './source/document.ts';

export interface ValidationResult<Data> {
  /**
   * The document as the schema gives it; when it failed, only the fields that passed (a group of
   * fields or a list that failed is kept as an empty one, so rules can walk it).
   */
  data: Data;
  /** The fields that failed, already reported: empty when the document is valid. */
  failed: FieldPath[];
}

export function validateDocument<Schema extends z.ZodType>(
  schema: Schema,
  document: SourceDocument,
  problems: Problem[],
): ValidationResult<z.output<Schema>> {
  const result = schema.safeParse(document.data, { reportInput: true });
  if (result.success) return { data: result.data, failed: [] };
  const failed: FieldPath[] = [];
  for (const issue of result.error.issues) {
    // A misspelt field spoils nothing else: the fields beside it still parse.
    if (issue.code !== 'unrecognized_keys') failed.push(fieldPathOf(issue));
    for (const problem of describeIssue(schema, issue)) {
      problems.push({ severity: 'error', file: document.file, ...problem });
    }
  }
  return { data: salvage(schema, document.data) as z.output<Schema>, failed };
}

/**
 * The parts of `input` that pass their own schema. A group of fields or a list always gives a
 * group or a list (empty when the input was not one); a failed value inside it is left out.
 */
function salvage(schema: z.ZodType, input: unknown): unknown {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    const fields = isFieldGroup(input) ? input : {};
    const kept: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries<z.ZodType>(inner.shape)) {
      const value = salvage(fieldSchema, fields[key]);
      if (value !== undefined) kept[key] = value;
    }
    return kept;
  }
  if (inner instanceof z.ZodArray) {
    const items: unknown[] = Array.isArray(input) ? input : [];
    // Failed items stay holes, so every item keeps its index (and the index in its messages).
    const kept: unknown[] = new Array<unknown>(items.length);
    items.forEach((item, index) => {
      const value = salvage(inner.element as z.ZodType, item);
      if (value !== undefined) kept[index] = value;
    });
    return kept;
  }
  return undefined;
}

function isFieldGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldPathOf(issue: z.core.$ZodIssue): FieldPath {
  return issue.path.filter((part): part is string | number => typeof part !== 'symbol');
}

type FieldProblem = Omit<Problem, 'severity' | 'file'>;

function describeIssue(schema: z.ZodType, issue: z.core.$ZodIssue): FieldProblem[] {
  const path = [...fieldPathOf(issue)];
  const field = path.length > 0 ? formatFieldPath(path) : undefined;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, path);
      return issue.keys.map((key): FieldProblem => {
        const suggestion = closest(key, allowed);
        const hint = suggestion
          ? `did you mean "${suggestion}"?`
          : allowed.length > 0
            ? `the fields allowed here are: ${allowed.join(', ')}`
            : 'remove it';
        return {
          field: formatFieldPath([...path, key]),
          path: [...path, key],
          message: `unknown field "${key}": ${hint}`,
        };
      });
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [{ field, path, message: `is required (${expectedWords(issue.expected)}): add it` }];
      }
      return [{ field, path, message: `expected ${expectedWords(issue.expected)}, found ${foundWords(issue.input)}` }];
    }
    case 'invalid_value': {
      const options = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return [{ field, path, message: `expected one of ${options}, found ${foundWords(issue.input)}` }];
    }
    case 'too_small':
    case 'too_big':
    case 'custom':
    case 'invalid_format':
    default:
      return [{ field, path, message: issue.message }];
  }
}

function expectedWords(expected: string): string {
  return (
    (
      {
        string: 'text',
        number: 'a number',
        int: 'a whole number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a group of fields',
      } as Record<string, string>
    )[expected] ?? expected
  );
}

function foundWords(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  // JSON.stringify gives undefined only for undefined, a symbol or a function: name which.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The field names an object schema at `path` accepts (optional, default and array unwrapped). */
function allowedKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of [...path, undefined]) {
    current = unwrap(current);
    if (segment === undefined) break;
    if (current instanceof z.ZodArray && typeof segment === 'number') current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof segment === 'string')
      current = current.shape[segment] as z.ZodType | undefined;
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 10 && current; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      break;
    }
  }
  return current;
}

/** The allowed name within two edits of a misspelt one (case-insensitive). */
function closest(key: string, allowed: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of allowed) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

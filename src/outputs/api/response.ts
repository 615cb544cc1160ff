/** JSON as the machine-readable files are served. */

/** Two-space JSON with a final newline: readable with `curl`, and the same bytes on every build. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Responses for the machine-readable routes: the body as served, with its media type. */

/** Two-space JSON with a final newline: readable with `curl`, and the same bytes on every build. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function jsonResponse(value: unknown): Response {
  return textResponse(jsonText(value), 'application/json');
}

export function textResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

export function htmlResponse(body: string): Response {
  return textResponse(body, 'text/html; charset=utf-8');
}

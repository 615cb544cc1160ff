/** docs/notifications.md shows the webhook body's JSON Schema exactly as notify's tests hold every body to it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webhookPayloadSchema } from '../../src/notify/webhookSchema.ts';
import { ROOT } from '../support/builtSite.ts';

describe('docs/notifications.md', () => {
  it('shows the JSON Schema of webhook bodies in full, as the code has it', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'notifications.md'), 'utf8');
    const shown = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(shown).toBe(`${JSON.stringify(webhookPayloadSchema, null, 2)}\n`);
  });
});

/**
 * JSON Schema (draft 2020-12) of the body of every generic webhook request; docs/notifications.md
 * shows it in full, and the tests validate every body sent against it. Like the API's schema it
 * refuses fields it does not describe, so it is the complete contract: a new field raises the
 * minor schema_version.
 */
export const webhookPayloadSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Trustline notification',
  type: 'object',
  additionalProperties: false,
  required: ['schema_version', 'portal', 'event'],
  properties: {
    schema_version: { const: '1.0' },
    portal: { type: 'string', format: 'uri', description: 'Address of the portal that published the event.' },
    event: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'topic', 'title', 'summary', 'contentHtml', 'contentText', 'url', 'date', 'products', 'tags'],
      properties: {
        id: {
          type: 'string',
          pattern: '^tag:',
          description:
            'Permanent id of the event (a tag URI, RFC 4151), the same as the feed item id. Use it to drop a repeated delivery.',
        },
        topic: { enum: ['support', 'end-of-support', 'incidents', 'advisories'] },
        title: { type: 'string', description: 'What happened, in plain text.' },
        summary: { type: 'string', description: 'One or two sentences, plain text.' },
        contentHtml: {
          type: 'string',
          description: 'The full text as sanitised HTML (no scripts, styles or event attributes; absolute links).',
        },
        contentText: { type: 'string', description: 'The same text as plain text.' },
        url: { type: 'string', format: 'uri', description: 'The page the event is about.' },
        date: { type: 'string', format: 'date-time', description: 'When it happened, RFC 3339 in UTC.' },
        products: { type: 'array', items: { type: 'string' }, description: 'Slugs of the products it concerns.' },
        tags: { type: 'array', items: { type: 'string' }, description: 'Categories, as in the feeds.' },
      },
    },
  },
} as const;

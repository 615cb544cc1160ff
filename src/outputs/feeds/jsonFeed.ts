/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The `feed` package writes version 1.0
 * (a single `author`, no `language`), so 1.1 is written here.
 */
import type { FeedDescription } from './feeds.ts';
import { withoutForbiddenCharacters } from '../markup.ts';

export function renderJsonFeed(feed: FeedDescription): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.author.name, url: feed.author.url }],
    items: feed.events.map((event) => ({
      id: event.id,
      url: event.url,
      title: event.title,
      summary: event.summary,
      content_html: event.contentHtml,
      date_published: event.date,
      tags: event.tags,
    })),
  };
  // JSON could carry control characters escaped, but readers hand content_html to an HTML parser:
  // the same characters are removed as in the XML formats, so every format says the same.
  const clean = (_key: string, value: unknown) =>
    typeof value === 'string' ? withoutForbiddenCharacters(value) : value;
  return `${JSON.stringify(document, clean, 2)}\n`;
}

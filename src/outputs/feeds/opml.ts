/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription list: every feed once, for one-click
 * import. Each feed is listed in one format (RSS 2.0, the one every reader understands):
 * importing the same feed three times would show every item three times.
 */
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import type { FeedDescription } from './feeds.ts';
import { escapeAttribute as attribute, escapeText as text } from '../markup.ts';
import { rfc822 } from './rss.ts';

export const opmlMediaType = 'text/x-opml; charset=utf-8';

export function renderOpml(
  registry: Registry,
  groups: readonly { readonly title: string; readonly feeds: readonly FeedDescription[] }[],
): string {
  const outline = (feed: FeedDescription) =>
    `      <outline type="rss" version="RSS2" text="${attribute(feed.title)}" title="${attribute(feed.title)}" description="${attribute(feed.description)}" language="${attribute(feed.language)}" xmlUrl="${attribute(feed.selfUrls.rss)}" htmlUrl="${attribute(feed.homeUrl)}"/>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${text(`${registry.vendor.name}: feeds`)}</title>`,
    `    <dateCreated>${rfc822(registry.buildTime)}</dateCreated>`,
    `    <ownerName>${text(registry.vendor.name)}</ownerName>`,
    `    <ownerId>${text(absoluteUrl(registry.vendor, paths.home()))}</ownerId>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...groups.flatMap((group) => [
      `    <outline text="${attribute(group.title)}" title="${attribute(group.title)}">`,
      ...group.feeds.map(outline),
      '    </outline>',
    ]),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

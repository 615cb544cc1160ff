/** /feeds/<topic>.xml|.atom|.json and /feeds/index.opml (DESIGN "Public contract"). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { opmlFile, topicFeedFile } from '../../outputs/feeds/index.ts';
import { getRegistry } from '../../site/registry.ts';
import { feedFormats, feedTopics, paths, type FeedFormat } from '../../site/urls.ts';

const formats = Object.keys(feedFormats) as FeedFormat[];
/** The file name inside /feeds/, taken from the one place the public paths are written. */
const fileName = (path: string) => path.replace(/^feeds\//, '');

export const getStaticPaths = (() => [
  ...feedTopics.flatMap((topic) =>
    formats.map((format) => ({ params: { file: fileName(paths.feed(topic, format)) }, props: { topic, format } })),
  ),
  { params: { file: fileName(paths.opml()) }, props: { topic: undefined, format: undefined } },
]) satisfies GetStaticPaths;

export const GET: APIRoute<ReturnType<typeof getStaticPaths>[number]['props']> = ({ props }) => {
  const registry = getRegistry();
  const file = props.topic && props.format ? topicFeedFile(registry, props.topic, props.format) : opmlFile(registry);
  return new Response(file.body, { headers: { 'Content-Type': file.contentType } });
};

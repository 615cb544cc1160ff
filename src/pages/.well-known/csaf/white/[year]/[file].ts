/** Each CSAF document, its .sha512 (§7.1.18) and, when the build signs, its .asc (§7.1.19). */
import type { GetStaticPaths } from 'astro';
import { csafFiles, sha512File, type CsafFile } from '../../../../../outputs/csaf/provider.ts';
import { signDetached } from '../../../../../outputs/signing/openpgp.ts';
import { signingKeyFromEnvironment } from '../../../../../outputs/signing/fromEnvironment.ts';
import { textResponse } from '../../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../../site/registry.ts';

type Rendition = 'json' | 'sha512' | 'asc';

export const getStaticPaths = (async () => {
  const registry = getRegistry();
  const signed = (await signingKeyFromEnvironment(registry.buildTime)) !== undefined;
  const renditions: Rendition[] = signed ? ['json', 'sha512', 'asc'] : ['json', 'sha512'];
  return csafFiles(registry).flatMap((file) =>
    renditions.map((rendition) => ({
      params: { year: file.year, file: rendition === 'json' ? file.fileName : `${file.fileName}.${rendition}` },
      props: { id: file.advisory.id, rendition },
    })),
  );
}) satisfies GetStaticPaths;

export async function GET({ props }: { props: { id: string; rendition: Rendition } }): Promise<Response> {
  const registry = getRegistry();
  const file = csafFiles(registry).find((candidate) => candidate.advisory.id === props.id) as CsafFile;
  if (props.rendition === 'json') return textResponse(file.text, 'application/json');
  if (props.rendition === 'sha512') return textResponse(sha512File(file), 'text/plain; charset=utf-8');
  const key = await signingKeyFromEnvironment(registry.buildTime);
  if (!key) throw new Error(`${file.fileName}.asc is only built with a signing key`);
  return textResponse(await signDetached(new TextEncoder().encode(file.text), key), 'application/pgp-signature');
}

/** The public half of the signing key, listed in provider-metadata.json (CSAF 2.0 §7.1.20). */
import type { GetStaticPaths } from 'astro';
import { signingKeyFromEnvironment } from '../../../../outputs/signing/fromEnvironment.ts';
import { textResponse } from '../../../../outputs/api/response.ts';
import { getRegistry } from '../../../../site/registry.ts';

export const getStaticPaths = (async () => {
  const key = await signingKeyFromEnvironment(getRegistry().buildTime);
  return key ? [{ params: { key: `${key.fingerprint}.asc` }, props: { armoredPublicKey: key.armoredPublicKey } }] : [];
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { armoredPublicKey: string } }): Response {
  return textResponse(props.armoredPublicKey, 'application/pgp-keys');
}

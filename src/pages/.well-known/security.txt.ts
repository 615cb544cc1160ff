/** /.well-known/security.txt (RFC 9116), cleartext-signed when the build has a signing key. */
import { securityTxt } from '../../outputs/securityTxt/securityTxt.ts';
import { signCleartext } from '../../outputs/signing/openpgp.ts';
import { signingKeyFromEnvironment } from '../../outputs/signing/fromEnvironment.ts';
import { getRegistry } from '../../site/registry.ts';

export async function GET(): Promise<Response> {
  const registry = getRegistry();
  const key = await signingKeyFromEnvironment(registry.buildTime);
  const text = securityTxt(registry);
  const body = key ? await signCleartext(text, key) : text;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

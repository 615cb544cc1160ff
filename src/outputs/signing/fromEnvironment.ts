/**
 * The edge where the signing key enters a build: TRUSTLINE_SIGNING_KEY (an armored OpenPGP
 * private key) and TRUSTLINE_SIGNING_PASSPHRASE. Read once per build and shared by every route
 * that signs, so an unsigned build says so once, not once per file.
 */
import { readSigningKey, type SigningKey } from './openpgp.ts';

let loaded: Promise<SigningKey | undefined> | undefined;

/**
 * The build's signing key, or undefined (and one line in the build output) without one.
 * Signatures are dated at the build time, or now when the build time is still ahead (a build
 * "as of" the end of today), since verifiers refuse signatures from the future.
 */
export function signingKeyFromEnvironment(
  buildTime: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SigningKey | undefined> {
  loaded ??= (async () => {
    const armoredKey = env['TRUSTLINE_SIGNING_KEY'];
    if (armoredKey === undefined || armoredKey.trim() === '') {
      console.log(
        'security.txt and CSAF documents are unsigned: set TRUSTLINE_SIGNING_KEY (and TRUSTLINE_SIGNING_PASSPHRASE) to sign them',
      );
      return undefined;
    }
    const signedAt = new Date(Math.min(Date.parse(buildTime), Date.now()));
    return readSigningKey(armoredKey, env['TRUSTLINE_SIGNING_PASSPHRASE'], signedAt);
  })();
  return loaded;
}

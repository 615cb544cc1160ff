/**
 * The edge where the signing key enters a build: TRUSTLINE_SIGNING_KEY (an armored OpenPGP
 * private key) and TRUSTLINE_SIGNING_PASSPHRASE. Read once per thread and shared by every file
 * that is signed. The build reads it first of all (src/pipeline/build.ts), so a key that cannot be
 * used stops the build before any work, and says in one line whether the build signs.
 */
import { readSigningKey, type SigningKey } from './openpgp.ts';

let loaded: Promise<SigningKey | undefined> | undefined;

/**
 * The build's signing key, or undefined without one; rejects with a SigningKeyError naming the
 * variable to fix. Its signatures are dated as of the build time (see signingTime).
 */
export function signingKeyFromEnvironment(
  buildTime: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SigningKey | undefined> {
  loaded ??= (async () => {
    const armoredKey = env['TRUSTLINE_SIGNING_KEY'];
    if (armoredKey === undefined || armoredKey.trim() === '') return undefined;
    return readSigningKey(armoredKey, env['TRUSTLINE_SIGNING_PASSPHRASE'], {
      buildTime: new Date(buildTime),
      now: new Date(),
    });
  })();
  return loaded;
}

/** The build's one line on signing. */
export function signingSummary(key: SigningKey | undefined): string {
  return key === undefined
    ? 'security.txt and CSAF documents are unsigned: set TRUSTLINE_SIGNING_KEY (and TRUSTLINE_SIGNING_PASSPHRASE) to sign them'
    : `security.txt and CSAF documents are signed with OpenPGP key ${key.fingerprint}`;
}

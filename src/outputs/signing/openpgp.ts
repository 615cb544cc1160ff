/**
 * OpenPGP signing for the machine-readable trust files: security.txt is a cleartext-signed
 * message (RFC 9116 §2.3) and each CSAF document gets a detached `.asc` signature (CSAF 2.0
 * §7.1.19). The `openpgp` package does both without a gpg binary on the build machine.
 *
 * The key is an input like the build date: the routes read it from the environment once and pass
 * it in, so the functions here never read the environment themselves.
 */
import * as openpgp from 'openpgp';

export interface SigningKey {
  readonly privateKey: openpgp.PrivateKey;
  /** Upper-case hexadecimal, as CSAF provider metadata lists it (§7.1.20, at least 40 digits). */
  readonly fingerprint: string;
  /** The armored public key, published beside the CSAF documents. */
  readonly armoredPublicKey: string;
  /** The moment every signature of this build is dated (see signingTime). */
  readonly signedAt: Date;
}

/** The time the build is "as of", and the real moment it signs. */
export interface SigningClock {
  readonly buildTime: Date;
  readonly now: Date;
}

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

/**
 * Reads an armored private key, unlocking it with the passphrase when it is protected, and finds
 * the moment its signatures are dated.
 */
export async function readSigningKey(
  armoredKey: string,
  passphrase: string | undefined,
  clock: SigningClock,
): Promise<SigningKey> {
  let privateKey: openpgp.PrivateKey;
  try {
    privateKey = await openpgp.readPrivateKey({ armoredKey });
  } catch (error) {
    throw new SigningKeyError(
      `TRUSTLINE_SIGNING_KEY is not an armored OpenPGP private key (${(error as Error).message})`,
    );
  }
  if (!privateKey.isDecrypted()) {
    if (passphrase === undefined || passphrase === '') {
      throw new SigningKeyError(
        'TRUSTLINE_SIGNING_KEY is protected by a passphrase: set TRUSTLINE_SIGNING_PASSPHRASE as well',
      );
    }
    try {
      privateKey = await openpgp.decryptKey({ privateKey, passphrase });
    } catch {
      throw new SigningKeyError('TRUSTLINE_SIGNING_PASSPHRASE does not unlock TRUSTLINE_SIGNING_KEY');
    }
  }
  return {
    privateKey,
    fingerprint: privateKey.getFingerprint().toUpperCase(),
    armoredPublicKey: privateKey.toPublic().armor(),
    signedAt: await signingTime(privateKey, clock),
  };
}

/**
 * The moment a build's signatures are dated. Customers verify a site after it was built, and
 * verifiers (openpgp, GnuPG) refuse a signature dated after their own clock or before the key
 * could sign (RFC 9580's Signature Creation Time subpacket: when the signature was made), so it
 * must lie between the moment the key became valid and the real moment of signing. Within that:
 * - the build time, the moment security.txt's header says it was generated, whenever the build
 *   runs, so a site rebuilt later for the same date states the same dates everywhere;
 * - but never after now: a build "as of" the end of today runs before the day is over;
 * - and for a key that could not sign yet at the build time (one made since, e.g. when a site is
 *   rebuilt for an earlier date after the key was replaced), the first moment it could: a time
 *   written in the key itself (its self-signatures), so still the same on every rebuild.
 * A key that cannot sign now (expired, revoked) stops the build.
 */
export async function signingTime(privateKey: openpgp.PrivateKey, { buildTime, now }: SigningClock): Promise<Date> {
  // Customers verify later still: a key that cannot sign now (expired, revoked) is not used at all.
  try {
    await privateKey.getSigningKey(undefined, now);
  } catch (error) {
    throw new SigningKeyError(
      `TRUSTLINE_SIGNING_KEY cannot sign now (${(error as Error).message}): extend the key's expiry or give another key`,
    );
  }
  const asOf = Math.min(buildTime.getTime(), now.getTime());
  const keyBecameValid = [
    ...privateKey.users.flatMap((user) => user.selfCertifications),
    ...privateKey.subkeys.flatMap((subkey) => subkey.bindingSignatures),
  ]
    .map((signature) => signature.created?.getTime() ?? asOf)
    .filter((time) => time > asOf && time < now.getTime())
    .sort((a, b) => a - b);
  for (const time of [asOf, ...keyBecameValid]) {
    const canSign = await privateKey.getSigningKey(undefined, new Date(time)).then(
      () => true,
      () => false,
    );
    if (canSign) return new Date(time);
  }
  return now;
}

/**
 * An OpenPGP cleartext signature framework message (RFC 9580 §7) around `text`. openpgp writes
 * the signed text with CRLF and its own lines with LF; the file keeps to LF throughout, which
 * verifies the same, since line endings are made CRLF before the signature is computed (§7.2).
 */
export async function signCleartext(text: string, key: SigningKey): Promise<string> {
  const message = await openpgp.createCleartextMessage({ text });
  const signed = await openpgp.sign({ message, signingKeys: key.privateKey, date: key.signedAt });
  return signed.replaceAll('\r\n', '\n');
}

/** A detached, armored signature over the exact bytes that are served. */
export async function signDetached(bytes: Uint8Array, key: SigningKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: bytes });
  // openpgp's declared result needs @openpgp/web-stream-tools' types, which it does not install: it is armored text.
  return (await openpgp.sign({ message, signingKeys: key.privateKey, detached: true, date: key.signedAt })) as string;
}

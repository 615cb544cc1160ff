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
  /** The moment every signature of this build is dated. */
  readonly signedAt: Date;
}

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

/** Reads an armored private key, unlocking it with the passphrase when it is protected. */
export async function readSigningKey(
  armoredKey: string,
  passphrase: string | undefined,
  signedAt: Date,
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
    signedAt,
  };
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
  return openpgp.sign({ message, signingKeys: key.privateKey, detached: true, date: key.signedAt });
}

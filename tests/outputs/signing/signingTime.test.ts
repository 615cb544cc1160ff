/**
 * When a build's signatures are dated: as of the build time, never after the real moment of
 * signing, never before the key could sign. The clock is an input here, so each case pins both
 * the build time and "now".
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { readSigningKey, signDetached, SigningKeyError } from '../../../src/outputs/signing/openpgp.ts';

const BUILD_TIME = new Date('2026-11-22T23:59:59Z');
const TWO_YEARS_LATER = new Date('2028-11-22T12:00:00Z');

async function keyMadeAt(date: Date, keyExpirationTime?: number) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Fixture Software PSIRT' }],
    date,
    ...(keyExpirationTime === undefined ? {} : { keyExpirationTime }),
    format: 'armored',
  });
}

describe('the signing time of a build', () => {
  it('is the build time when the build runs later, however much later', async () => {
    const { privateKey } = await keyMadeAt(new Date('2026-01-01T00:00:00Z'));
    const key = await readSigningKey(privateKey, undefined, { buildTime: BUILD_TIME, now: TWO_YEARS_LATER });
    expect(key.signedAt.toISOString()).toBe('2026-11-22T23:59:59.000Z');
  });

  it('is now when the build runs before its build time ends (a build as of the end of today)', async () => {
    const { privateKey } = await keyMadeAt(new Date('2026-01-01T00:00:00Z'));
    const now = new Date('2026-11-22T12:00:00Z');
    const key = await readSigningKey(privateKey, undefined, { buildTime: BUILD_TIME, now });
    expect(key.signedAt.toISOString()).toBe('2026-11-22T12:00:00.000Z');
  });

  it('is the moment the key was made when it was made after the build time, and verifies then', async () => {
    const { privateKey, publicKey } = await keyMadeAt(new Date('2026-12-01T08:00:00Z'));
    const key = await readSigningKey(privateKey, undefined, { buildTime: BUILD_TIME, now: TWO_YEARS_LATER });
    expect(key.signedAt.toISOString()).toBe('2026-12-01T08:00:00.000Z');

    const bytes = new TextEncoder().encode('{"document":{}}');
    const verification = await openpgp.verify({
      message: await openpgp.createMessage({ binary: bytes }),
      signature: await openpgp.readSignature({ armoredSignature: await signDetached(bytes, key) }),
      verificationKeys: await openpgp.readKey({ armoredKey: publicKey }),
      date: TWO_YEARS_LATER,
    });
    await expect(verification.signatures[0]?.verified).resolves.toBe(true);
  });

  it('cannot be found for a key that has expired, which is refused naming the variable', async () => {
    const { privateKey } = await keyMadeAt(new Date('2026-01-01T00:00:00Z'), 86_400);
    const reading = readSigningKey(privateKey, undefined, { buildTime: BUILD_TIME, now: TWO_YEARS_LATER });
    await expect(reading).rejects.toBeInstanceOf(SigningKeyError);
    await expect(reading).rejects.toHaveProperty(
      'message',
      "TRUSTLINE_SIGNING_KEY cannot sign now (Primary key is expired): extend the key's expiry or give another key",
    );
  });
});

import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of one audience session, fresh each time it starts:
 * - the join token (128 random bits) in the join URL and its QR code: a connection without it is refused;
 * - the presenter key (128 bits more), only in the presenter's URL: it alone may see the room and ask questions;
 * - the join code, four characters the dashboard and every joined phone show, so attendees can see
 *   they joined the right room. It is not a password (the token is).
 */
export interface SessionSecrets {
  readonly joinToken: string;
  readonly presenterKey: string;
  readonly joinCode: string;
}

/** No 0/O, 1/I/L: the code is read off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newSessionSecrets(): SessionSecrets {
  return {
    joinToken: randomBytes(16).toString('base64url'),
    presenterKey: randomBytes(16).toString('base64url'),
    joinCode: Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
  };
}

/** Compares a secret in constant time, so its length and content cannot be guessed by timing. */
export function sameSecret(given: string | null, secret: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

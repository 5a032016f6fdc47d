import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../testing/mulberry32';
import { Sha256, sha256Hex } from './sha256';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('Sha256', () => {
  it('matches the NIST test vectors', () => {
    expect(sha256Hex(utf8(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto for every length around the padding boundaries', () => {
    const random = mulberry32(7);
    for (let n = 0; n <= 300; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      expect(sha256Hex(bytes), `length ${n}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('gives the same digest however the input is split into updates', () => {
    const random = mulberry32(11);
    const bytes = Uint8Array.from({ length: 10_000 }, () => Math.floor(random() * 256));
    const expected = createHash('sha256').update(bytes).digest('hex');
    for (let trial = 0; trial < 20; trial++) {
      const hash = new Sha256();
      for (let at = 0; at < bytes.length;) {
        const n = Math.floor(random() * 200);
        hash.update(bytes.subarray(at, at + n));
        at += n;
      }
      expect(hash.digestHex()).toBe(expected);
    }
  });

  it('refuses to be used after its digest', () => {
    const hash = new Sha256().update(utf8('x'));
    hash.digestHex();
    expect(() => hash.update(utf8('y'))).toThrow(/after digest/);
    expect(() => hash.digestHex()).toThrow(/twice/);
  });
});

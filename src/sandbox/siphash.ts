// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed pseudo-random function with a 64-bit tag, made for short
// inputs. The sandbox tags API keys it has already verified with it, so that the next request with the same key is
// recognised without another SHA-256 (see credentials.ts). Written here because Node has no SipHash and the
// computation is 64-bit arithmetic on 32-bit halves, checked against the reference vectors and a BigInt version
// in tests/sandbox/siphash.test.ts.

/** A SipHash key: 16 bytes read as four little-endian 32-bit words (k0 low, k0 high, k1 low, k1 high). */
export type SipKey = readonly [number, number, number, number];

/** Reads a SipHash key from 16 bytes (e.g. `randomBytes(16)`). Throws a RangeError on any other length. */
export function sipKey(bytes: Uint8Array): SipKey {
  if (bytes.length !== 16) throw new RangeError(`a SipHash key is 16 bytes, got ${bytes.length}`);
  const word = (at: number) =>
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  return [word(0), word(4), word(8), word(12)];
}

/**
 * SipHash-2-4 of `length` bytes, the i-th given by `byteAt(i)` (0..255), as the 64-bit tag's `[high, low]` 32-bit
 * halves (unsigned).
 * @example sipHash24(sipKey(new Uint8Array(16).map((_, i) => i)), 0, () => 0) // [0x726fdb47, 0xdd0e0e31]
 */
export function sipHash24(key: SipKey, length: number, byteAt: (index: number) => number): [number, number] {
  let v0h = (0x736f6d65 ^ key[1]) >>> 0;
  let v0l = (0x70736575 ^ key[0]) >>> 0;
  let v1h = (0x646f7261 ^ key[3]) >>> 0;
  let v1l = (0x6e646f6d ^ key[2]) >>> 0;
  let v2h = (0x6c796765 ^ key[1]) >>> 0;
  let v2l = (0x6e657261 ^ key[0]) >>> 0;
  let v3h = (0x74656462 ^ key[3]) >>> 0;
  let v3l = (0x79746573 ^ key[2]) >>> 0;
  let h = 0;
  let l = 0;
  const rounds = (count: number) => {
    for (let r = 0; r < count; r++) {
      // v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
      l = (v0l + v1l) >>> 0;
      v0h = (v0h + v1h + (l < v0l ? 1 : 0)) >>> 0;
      v0l = l;
      h = ((v1h << 13) | (v1l >>> 19)) >>> 0;
      l = ((v1l << 13) | (v1h >>> 19)) >>> 0;
      v1h = (h ^ v0h) >>> 0;
      v1l = (l ^ v0l) >>> 0;
      h = v0h;
      v0h = v0l;
      v0l = h;
      // v2 += v3; v3 = rotl(v3, 16); v3 ^= v2
      l = (v2l + v3l) >>> 0;
      v2h = (v2h + v3h + (l < v2l ? 1 : 0)) >>> 0;
      v2l = l;
      h = ((v3h << 16) | (v3l >>> 16)) >>> 0;
      l = ((v3l << 16) | (v3h >>> 16)) >>> 0;
      v3h = (h ^ v2h) >>> 0;
      v3l = (l ^ v2l) >>> 0;
      // v0 += v3; v3 = rotl(v3, 21); v3 ^= v0
      l = (v0l + v3l) >>> 0;
      v0h = (v0h + v3h + (l < v0l ? 1 : 0)) >>> 0;
      v0l = l;
      h = ((v3h << 21) | (v3l >>> 11)) >>> 0;
      l = ((v3l << 21) | (v3h >>> 11)) >>> 0;
      v3h = (h ^ v0h) >>> 0;
      v3l = (l ^ v0l) >>> 0;
      // v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
      l = (v2l + v1l) >>> 0;
      v2h = (v2h + v1h + (l < v2l ? 1 : 0)) >>> 0;
      v2l = l;
      h = ((v1h << 17) | (v1l >>> 15)) >>> 0;
      l = ((v1l << 17) | (v1h >>> 15)) >>> 0;
      v1h = (h ^ v2h) >>> 0;
      v1l = (l ^ v2l) >>> 0;
      h = v2h;
      v2h = v2l;
      v2l = h;
    }
  };
  const full = length - (length % 8);
  for (let at = 0; at <= full; at += 8) {
    let ml = 0;
    let mh = 0;
    if (at < full) {
      ml = (byteAt(at) | (byteAt(at + 1) << 8) | (byteAt(at + 2) << 16) | (byteAt(at + 3) << 24)) >>> 0;
      mh = (byteAt(at + 4) | (byteAt(at + 5) << 8) | (byteAt(at + 6) << 16) | (byteAt(at + 7) << 24)) >>> 0;
    } else {
      // The last block: the remaining bytes, and the input's length (mod 256) in the top byte.
      for (let i = 0; i < length - full; i++) {
        if (i < 4) ml |= byteAt(at + i) << (8 * i);
        else mh |= byteAt(at + i) << (8 * (i - 4));
      }
      mh |= (length & 0xff) << 24;
      ml >>>= 0;
      mh >>>= 0;
    }
    v3h = (v3h ^ mh) >>> 0;
    v3l = (v3l ^ ml) >>> 0;
    rounds(2);
    v0h = (v0h ^ mh) >>> 0;
    v0l = (v0l ^ ml) >>> 0;
  }
  v2l = (v2l ^ 0xff) >>> 0;
  rounds(4);
  return [(v0h ^ v1h ^ v2h ^ v3h) >>> 0, (v0l ^ v1l ^ v2l ^ v3l) >>> 0];
}

/** The SipHash-2-4 tag of a string's UTF-16 code units (two bytes each, little-endian), as a 4-character string. */
export function sipTagOf(key: SipKey, text: string): string {
  const [high, low] = sipHash24(key, text.length * 2, (i) => (text.charCodeAt(i >> 1) >> ((i & 1) * 8)) & 0xff);
  return String.fromCharCode(high >>> 16, high & 0xffff, low >>> 16, low & 0xffff);
}

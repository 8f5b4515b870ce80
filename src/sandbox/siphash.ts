// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed pseudo-random function with a 64-bit tag, made for short
// inputs. The sandbox tags API keys it has already verified with it, so that the next request with the same key is
// recognised without another SHA-256 (see credentials.ts). Written here because Node has no SipHash; the 64-bit
// arithmetic runs on 32-bit halves kept in one Uint32Array (stores wrap modulo 2^32), and the result is checked
// against the reference vectors and a BigInt version in tests/sandbox/siphash.test.ts.

/** A SipHash key: 16 bytes read as four little-endian 32-bit words (k0 low, k0 high, k1 low, k1 high). */
export type SipKey = readonly [number, number, number, number];

/** Reads a SipHash key from 16 bytes (e.g. `randomBytes(16)`). Throws a RangeError on any other length. */
export function sipKey(bytes: Uint8Array): SipKey {
  if (bytes.length !== 16) throw new RangeError(`a SipHash key is 16 bytes, got ${bytes.length}`);
  const word = (at: number) =>
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  return [word(0), word(4), word(8), word(12)];
}

// The state v0..v3 as [high, low] pairs: v0h v0l v1h v1l v2h v2l v3h v3l. One per process: the computation is
// synchronous, so no two tags are ever computed at once.
const v = new Uint32Array(8);

function rounds(count: number): void {
  let h: number;
  let l: number;
  for (let r = 0; r < count; r++) {
    // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
    l = v[1]! + v[3]!;
    v[0] = v[0]! + v[2]! + (l > 0xffffffff ? 1 : 0);
    v[1] = l;
    h = (v[2]! << 13) | (v[3]! >>> 19);
    l = (v[3]! << 13) | (v[2]! >>> 19);
    v[2] = h ^ v[0]!;
    v[3] = l ^ v[1]!;
    h = v[0]!;
    v[0] = v[1]!;
    v[1] = h;
    // v2 += v3; v3 = rotl(v3, 16) ^ v2
    l = v[5]! + v[7]!;
    v[4] = v[4]! + v[6]! + (l > 0xffffffff ? 1 : 0);
    v[5] = l;
    h = (v[6]! << 16) | (v[7]! >>> 16);
    l = (v[7]! << 16) | (v[6]! >>> 16);
    v[6] = h ^ v[4]!;
    v[7] = l ^ v[5]!;
    // v0 += v3; v3 = rotl(v3, 21) ^ v0
    l = v[1]! + v[7]!;
    v[0] = v[0]! + v[6]! + (l > 0xffffffff ? 1 : 0);
    v[1] = l;
    h = (v[6]! << 21) | (v[7]! >>> 11);
    l = (v[7]! << 21) | (v[6]! >>> 11);
    v[6] = h ^ v[0]!;
    v[7] = l ^ v[1]!;
    // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
    l = v[5]! + v[3]!;
    v[4] = v[4]! + v[2]! + (l > 0xffffffff ? 1 : 0);
    v[5] = l;
    h = (v[2]! << 17) | (v[3]! >>> 15);
    l = (v[3]! << 17) | (v[2]! >>> 15);
    v[2] = h ^ v[4]!;
    v[3] = l ^ v[5]!;
    h = v[4]!;
    v[4] = v[5]!;
    v[5] = h;
  }
}

function begin(key: SipKey): void {
  v[0] = 0x736f6d65 ^ key[1];
  v[1] = 0x70736575 ^ key[0];
  v[2] = 0x646f7261 ^ key[3];
  v[3] = 0x6e646f6d ^ key[2];
  v[4] = 0x6c796765 ^ key[1];
  v[5] = 0x6e657261 ^ key[0];
  v[6] = 0x74656462 ^ key[3];
  v[7] = 0x79746573 ^ key[2];
}

/** One 8-byte message block, as its high and low little-endian words. */
function compress(high: number, low: number): void {
  v[6] = v[6]! ^ high;
  v[7] = v[7]! ^ low;
  rounds(2);
  v[0] = v[0]! ^ high;
  v[1] = v[1]! ^ low;
}

function finish(): [number, number] {
  v[5] = v[5]! ^ 0xff;
  rounds(4);
  return [(v[0]! ^ v[2]! ^ v[4]! ^ v[6]!) >>> 0, (v[1]! ^ v[3]! ^ v[5]! ^ v[7]!) >>> 0];
}

/**
 * SipHash-2-4 of `length` bytes, the i-th given by `byteAt(i)` (0..255), as the 64-bit tag's `[high, low]` 32-bit
 * halves (unsigned).
 * @example sipHash24(sipKey(new Uint8Array(16).map((_, i) => i)), 0, () => 0) // [0x726fdb47, 0xdd0e0e31]
 */
export function sipHash24(key: SipKey, length: number, byteAt: (index: number) => number): [number, number] {
  begin(key);
  const full = length - (length % 8);
  const word = (at: number) =>
    (byteAt(at) | (byteAt(at + 1) << 8) | (byteAt(at + 2) << 16) | (byteAt(at + 3) << 24)) >>> 0;
  for (let at = 0; at < full; at += 8) compress(word(at + 4), word(at));
  // The last block: the remaining bytes, and the input's length (mod 256) in the top byte.
  let low = 0;
  let high = (length & 0xff) << 24;
  for (let i = 0; i < length - full; i++) {
    if (i < 4) low |= byteAt(full + i) << (8 * i);
    else high |= byteAt(full + i) << (8 * (i - 4));
  }
  compress(high >>> 0, low >>> 0);
  return finish();
}

/**
 * The SipHash-2-4 tag of a string's UTF-16 code units (two bytes each, little-endian), as a 4-character string;
 * the same as `sipHash24` of those bytes, read two code units per word.
 */
export function sipTagOf(key: SipKey, text: string): string {
  begin(key);
  const units = text.length;
  const full = units - (units % 4);
  for (let at = 0; at < full; at += 4) {
    compress(
      (text.charCodeAt(at + 2) | (text.charCodeAt(at + 3) << 16)) >>> 0,
      (text.charCodeAt(at) | (text.charCodeAt(at + 1) << 16)) >>> 0,
    );
  }
  const rest = units - full;
  let low = 0;
  let high = ((units * 2) & 0xff) << 24;
  if (rest > 0) low |= text.charCodeAt(full);
  if (rest > 1) low |= text.charCodeAt(full + 1) << 16;
  if (rest > 2) high |= text.charCodeAt(full + 2);
  compress(high >>> 0, low >>> 0);
  const [h, l] = finish();
  return String.fromCharCode(h >>> 16, h & 0xffff, l >>> 16, l & 0xffff);
}

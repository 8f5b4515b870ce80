// SipHash-2-4 as the sandbox computes it (32-bit halves), against the reference implementation's published vectors
// and a straightforward BigInt version of the algorithm on random inputs.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sipHash24, sipKey, sipTagOf } from '../../src/sandbox/siphash.js';

const M = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & M;
function reference(key: Uint8Array, bytes: Uint8Array): bigint {
  const le = (b: Uint8Array, at: number) => {
    let x = 0n;
    for (let i = 7; i >= 0; i--) x = (x << 8n) | BigInt(b[at + i] ?? 0);
    return x;
  };
  const k0 = le(key, 0);
  const k1 = le(key, 8);
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & M;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & M;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & M;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const padded = new Uint8Array(bytes.length - (bytes.length % 8) + 8);
  padded.set(bytes);
  padded[padded.length - 1] = bytes.length & 0xff;
  for (let at = 0; at < padded.length; at += 8) {
    const m = le(padded, at);
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  v2 ^= 0xffn;
  for (let i = 0; i < 4; i++) round();
  return v0 ^ v1 ^ v2 ^ v3;
}
const tag = (key: Uint8Array, bytes: Uint8Array) => {
  const [high, low] = sipHash24(sipKey(key), bytes.length, (i) => bytes[i]!);
  return (BigInt(high) << 32n) | BigInt(low);
};

describe('sipHash24', () => {
  const key = Uint8Array.from({ length: 16 }, (_, i) => i);
  it("matches the reference implementation's vectors (key 00..0f, message 00..n-1)", () => {
    const message = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);
    expect(tag(key, message(0))).toBe(0x726fdb47dd0e0e31n);
    expect(tag(key, message(1))).toBe(0x74f839c593dc67fdn);
    expect(reference(key, message(0))).toBe(0x726fdb47dd0e0e31n);
    expect(reference(key, message(1))).toBe(0x74f839c593dc67fdn);
  });

  it('agrees with a BigInt version for every length from 0 to 40 bytes, random keys and messages', () => {
    for (let length = 0; length <= 40; length++) {
      for (let trial = 0; trial < 5; trial++) {
        const k = randomBytes(16);
        const message = randomBytes(length);
        expect(tag(k, message), `length ${length}`).toBe(reference(k, message));
      }
    }
  });

  it('tags a string by its UTF-16 code units, differently under another key', () => {
    const k = sipKey(randomBytes(16));
    const other = sipKey(randomBytes(16));
    expect(sipTagOf(k, 'bench-fake-api-key')).toHaveLength(4);
    expect(sipTagOf(k, 'bench-fake-api-key')).toBe(sipTagOf(k, 'bench-fake-api-key'));
    expect(sipTagOf(k, 'bench-fake-api-key')).not.toBe(sipTagOf(k, 'bench-fake-api-kez'));
    expect(sipTagOf(k, 'bench-fake-api-key')).not.toBe(sipTagOf(other, 'bench-fake-api-key'));
    const text = 'é€';
    const units = new Uint8Array([0xe9, 0x00, 0xac, 0x20]);
    const [high, low] = sipHash24(k, 4, (i) => units[i]!);
    expect(sipTagOf(k, text)).toBe(String.fromCharCode(high >>> 16, high & 0xffff, low >>> 16, low & 0xffff));
  });

  it('tags a string as sipHash24 of its code units, for every length from 0 to 12 code units', () => {
    for (let units = 0; units <= 12; units++) {
      const k = sipKey(randomBytes(16));
      const random = randomBytes(units * 2);
      const text = String.fromCharCode(...Array.from({ length: units }, (_, i) => random.readUInt16LE(2 * i)));
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        bytes[2 * i] = text.charCodeAt(i) & 0xff;
        bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
      }
      const [high, low] = sipHash24(k, bytes.length, (i) => bytes[i]!);
      expect(sipTagOf(k, text), `${units} code units`).toBe(
        String.fromCharCode(high >>> 16, high & 0xffff, low >>> 16, low & 0xffff),
      );
    }
  });

  it('refuses a key that is not 16 bytes', () => {
    expect(() => sipKey(new Uint8Array(15))).toThrow(RangeError);
  });
});

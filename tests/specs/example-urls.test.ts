// Every URL in every example points at the spec's own servers or at a reserved example domain (RFC 2606, RFC 6761),
// never at a host someone may own or run (a developer tunnel, a real storage bucket): a partner who follows an
// example's link, or a mock that hands it out, must not reach a stranger. URLs inside encoded payloads count too:
// the base64url `_oob` invitation of a sync session is decoded and searched in turn.
import { describe, expect, it } from 'vitest';
import { apiNames, loadBundle, type OpenApiDocument } from '../support/bundles.js';

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`)]+/gi;
/** RFC 2606 second-level names and RFC 2606/6761 top-level names reserved for examples and tests. */
const RESERVED =
  /(^|\.)(example\.(com|net|org)|[^.]+\.(example|test|invalid|localhost))$|^(example|test|invalid|localhost)$/;
/** Identifiers that look like URLs but name vocabularies, not places anyone fetches (JSON-LD/DIDComm types). */
const VOCABULARIES = ['didcomm.org', 'json-schema.org', 'www.w3.org', 'schema.org'];

/** Every string inside an example anywhere in the document: `example`, `examples` and Example Objects' `value`. */
function exampleStrings(node: unknown, inExample = false, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (inExample) out.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) exampleStrings(item, inExample, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node))
      exampleStrings(value, inExample || key === 'example' || key === 'examples', out);
  }
  return out;
}

/** The URLs in a text, and those in any base64url JSON payload a URL carries as a query parameter (`_oob`). */
function urlsIn(text: string): string[] {
  const urls = text.match(URL_PATTERN) ?? [];
  return urls.flatMap((raw) => {
    let nested: string[] = [];
    try {
      for (const value of new URL(raw).searchParams.values()) {
        if (!/^[A-Za-z0-9_-]{16,}$/.test(value)) continue;
        const decoded = Buffer.from(value, 'base64url').toString('utf8');
        if (decoded.trimStart().startsWith('{'))
          nested = nested.concat(exampleStrings(JSON.parse(decoded), true).flatMap(urlsIn));
      }
    } catch {
      // not a URL with a decodable payload: the URL itself is still judged below
    }
    return [raw, ...nested];
  });
}

function serverHosts(doc: OpenApiDocument): string[] {
  return (doc.servers ?? []).map((s) => new URL(s.url).hostname);
}

describe.each(apiNames)('%s examples', (api) => {
  const doc = loadBundle(api);
  const urls = [...new Set(exampleStrings(doc).flatMap(urlsIn))];

  it('find URLs to judge, including the ones inside encoded payloads', () => {
    expect(urls.length).toBeGreaterThan(0);
    if (api === 'portabl') expect(urls.some((u) => u.includes('/did-comm'))).toBe(true); // from the decoded _oob
  });

  it("point only at the spec's servers or at reserved example domains", () => {
    const hosts = serverHosts(doc);
    const elsewhere = urls.filter((raw) => {
      const host = new URL(raw).hostname.toLowerCase();
      return !hosts.includes(host) && !RESERVED.test(host) && !VOCABULARIES.includes(host);
    });
    expect(elsewhere).toEqual([]);
  });
});

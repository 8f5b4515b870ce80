// Clients for the suite's target (mock or deployment), with retries off so that one call is one answer, and an
// optional `fetch` to watch or alter what goes on the wire.
import { inject } from 'vitest';
import { createIdentityClient } from '../../../src/identity/index.js';
import { createPortablClient } from '../../../src/portabl/index.js';
import type { IdentityTarget, PortablTarget } from './targets.js';

export type Fetch = (request: Request) => Promise<Response>;

const send: Fetch = (request) => fetch(request);

export const createPortablFor = (target: PortablTarget, wire: Fetch = send) =>
  createPortablClient({
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    baseUrl: target.baseUrl,
    fetch: wire,
    retry: false,
  });

export const createIdentityFor = (target: IdentityTarget, wire: Fetch = send) =>
  createIdentityClient({ apiKey: target.apiKey, baseUrl: target.baseUrl, fetch: wire, retry: false });

/** A Portabl client for the suite's target. */
export const portablClient = (wire: Fetch = send) => createPortablFor(inject('contractTargets').portabl, wire);

/** An Identities client for the suite's target. */
export const identityClient = (wire: Fetch = send) => createIdentityFor(inject('contractTargets').identity, wire);

/**
 * A `fetch` that replaces the path segment `from` with `to` on the way out. The clients refuse a path id that is not
 * a uuid before sending anything (PathParameterError, issue 9), so a case that needs the API's own refusal of a
 * malformed id sends a valid placeholder through the client and swaps it here, below the client's check.
 */
export function withPathSegment(from: string, to: string): Fetch {
  return (request) => fetch(new Request(request.url.replace(`/${from}`, `/${encodeURIComponent(to)}`), request));
}

/** A `fetch` that changes one header of every request but the token request on its way out (null removes it). */
export function withHeader(name: string, value: string | null): Fetch {
  return (request) => {
    if (!new URL(request.url).pathname.endsWith('/provider/token')) {
      if (value === null) request.headers.delete(name);
      else request.headers.set(name, value);
    }
    return fetch(request);
  };
}

/**
 * Prism's `sl-violations` header as "location keyword" strings, request violations only ([] from a real API). A
 * missing or unknown property is named after the keyword, from Prism's message: "body required birthday",
 * "body.address additionalProperties county", "body.claims unevaluatedProperties sex", so that a case proves which
 * property was refused.
 */
export function violationsOf(response: Response): string[] {
  const header = response.headers.get('sl-violations');
  if (!header) return [];
  return (JSON.parse(header) as { location: string[]; code: string; message: string }[])
    .filter((v) => v.location[0] === 'request')
    .map((v) => {
      const named =
        /required property '([^']+)'|additional properties; found '([^']+)'|unevaluated properties: '([^']+)'/.exec(
          v.message,
        );
      const property = named?.[1] ?? named?.[2] ?? named?.[3];
      return `${v.location.slice(1).join('.')} ${v.code}${property ? ` ${property}` : ''}`;
    });
}

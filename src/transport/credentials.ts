// Credentials are added to a copy of each request, below openapi-fetch: the Request openapi-fetch created is the
// one it hands to every middleware (onRequest, onResponse, onError), so it must never hold them.

/** A copy of `request` carrying the credential header `name`; `request` itself (and its body) stays untouched. */
export function withCredentialHeader(request: Request, name: string, value: string): Request {
  // clone() rather than new Request(request): the original body stays readable, for a resend after a 401 and for
  // middleware that reads it.
  const copy = request.clone();
  copy.headers.set(name, value);
  return copy;
}

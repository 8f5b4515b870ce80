// The body of each success answer the transport hands back, read once and parsed once, whoever asks first:
// openapi-fetch (`response.json()` or `response.text()`), opt-in validation, or a caller's middleware. The transport
// either hands the answer back unread (the body then arrives under the attempt's deadline, and a body that breaks off
// is retried as a failed attempt: transport/fetch.ts) or holds it in memory already; either way `json()` and `text()`
// of that Response answer from here, and the client's result (response-body.ts) takes the text and the parsed value
// from here too.

/**
 * The body of an answer: `text` is the body of `response`, which is the answer asked about or, when that one's body
 * broke off and the request could be retried, the answer of a later attempt (which may have another status).
 */
export interface DeferredBody {
  response: Response;
  text: string;
}

/** A body read and, when it is JSON, parsed (`json` true and `value` set). */
export interface ParsedBody extends DeferredBody {
  json: boolean;
  value?: unknown;
}

interface BodyState {
  read: () => Promise<DeferredBody>;
  /** Judges that later answer before it takes this one's place (see whenReplaced). */
  hook?: (next: Response) => Response | Promise<Response>;
  body?: Promise<DeferredBody>;
  parsed?: Promise<ParsedBody>;
}

// An own property of the Response rather than a WeakMap entry: set once per call on the hot path, read rarely.
const STATE = Symbol('kyc-contracts.body');
type WithState = Response & { [STATE]?: BodyState };

/** `text` parsed when it is JSON (an empty text is not). */
export function parseBody({ response, text }: DeferredBody): ParsedBody {
  if (text === '') return { response, text, json: false };
  try {
    return { response, text, json: true, value: JSON.parse(text) as unknown };
  } catch {
    return { response, text, json: false };
  }
}

const bodyOf = (state: BodyState) => (state.body ??= state.read());
const parsedOf = (state: BodyState) => (state.parsed ??= bodyOf(state).then(parseBody));

/**
 * Makes `read` the one way `response`'s body is read: heldBody and heldParsedBody answer from it, once, and reject
 * with whatever `read` rejects with. When `shared` (the default), `response.text()` and `response.json()` answer
 * from it too, for openapi-fetch and middleware. `shared: false` is for an answer whose body only the client reads
 * (no middleware: client-assembly.ts): own `text()`/`json()` on a Response shadow the prototype's for every
 * Response the engine sees, which measured some 10 µs per call (npm run bench, own work); the call's
 * `result.response` then has its body spent, as with bare openapi-fetch, and `data` holds it (README).
 */
export function holdBody(response: Response, read: () => Promise<DeferredBody>, shared = true): void {
  const state: BodyState = { read };
  (response as WithState)[STATE] = state;
  if (!shared) return;
  response.text = () => bodyOf(state).then((b) => b.text);
  // A value of its own for each caller (a middleware that edits what it read changes nothing else), rejecting as
  // Response.json() does for a body that is not JSON: with JSON.parse's SyntaxError.
  response.json = () => bodyOf(state).then((b) => JSON.parse(b.text) as unknown);
}

/** The body of a held answer (see holdBody), read once; undefined for any other Response. */
export function heldBody(response: Response): Promise<DeferredBody> | undefined {
  const state = (response as WithState)[STATE];
  return state && bodyOf(state);
}

/** The body of a held answer, parsed once; undefined for any other Response. */
export function heldParsedBody(response: Response): Promise<ParsedBody> | undefined {
  const state = (response as WithState)[STATE];
  return state && parsedOf(state);
}

/**
 * Has `hook` judge the answer of a later attempt before it takes the place of held `response` (after its body broke
 * off): portabl/auth.ts answers a 401 there with a new token and one resend, as it does for a first answer.
 */
export function whenReplaced(response: Response, hook: (next: Response) => Response | Promise<Response>): void {
  const state = (response as WithState)[STATE];
  if (state) state.hook = hook;
}

/** The hook set by whenReplaced for held `response`, if any. */
export function replacementHook(response: Response): ((next: Response) => Response | Promise<Response>) | undefined {
  return (response as WithState)[STATE]?.hook;
}

/**
 * Holds the body of a Response the transport did not make (a caller's middleware made it), read with `text()` of
 * the Response as it came: the client then reads every success answer the same way.
 */
export function holdForeignBody(response: Response): void {
  if ((response as WithState)[STATE]) return;
  const text = Response.prototype.text;
  holdBody(response, () => text.call(response).then((t) => ({ response, text: t })));
}

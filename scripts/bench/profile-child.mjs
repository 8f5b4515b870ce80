// One profiled loop (run by profile.mjs): `calls` sequential GETs through one variant against the bare server at
// `base`, with V8's CPU profiler running around the measured calls only (not start-up or warm-up), counting the
// Request, Response and AbortSignal objects made in JavaScript per call (fetch's internal copies are not seen).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const [variant, base, callsText, profileFile] = process.argv.slice(2);
const calls = Number(callsText);
const counts = {
  'new Request': 0,
  'Request.clone': 0,
  'new Response': 0,
  'Response.clone': 0,
  'new AbortController': 0,
  'AbortSignal.any': 0,
  'AbortSignal.timeout': 0,
};
let counting = false;
const count = (name) => counting && counts[name]++;

// Patched before any module that captures these globals is imported.
const { Request: NativeRequest, Response: NativeResponse, AbortController: NativeAbortController } = globalThis;
globalThis.Request = class extends NativeRequest {
  /** @param {ConstructorParameters<typeof NativeRequest>} args */
  constructor(...args) {
    super(...args);
    count('new Request');
  }
};
globalThis.Response = class extends NativeResponse {
  /** @param {ConstructorParameters<typeof NativeResponse>} args */
  constructor(...args) {
    super(...args);
    count('new Response');
  }
};
globalThis.AbortController = class extends NativeAbortController {
  constructor() {
    super();
    count('new AbortController');
  }
};
/** @type {[owner: any, method: string, name: keyof typeof counts][]} */
const patched = [
  [NativeRequest.prototype, 'clone', 'Request.clone'],
  [NativeResponse.prototype, 'clone', 'Response.clone'],
  [AbortSignal, 'any', 'AbortSignal.any'],
  [AbortSignal, 'timeout', 'AbortSignal.timeout'],
];
for (const [owner, method, name] of patched) {
  const original = owner[method];
  owner[method] = function (...args) {
    count(name);
    return original.apply(this, args);
  };
}

const { variants } = await import('./per-call.mjs');
const [request, name] = variant.split(' :: ');
const call = variants(base)[request]?.[name];
if (!call) throw new Error(`no variant ${variant}`);
for (let i = 0; i < 200; i++) await call();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
counting = true;
for (let i = 0; i < calls; i++) await call();
counting = false;
const { profile } = await session.post('Profiler.stop');
writeFileSync(profileFile, JSON.stringify(profile));
console.log(JSON.stringify(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / calls]))));

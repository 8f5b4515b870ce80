// The conformance run: for every operation of each API, fast-check generates requests (valid, negative, without
// credential), sends each to the target, and judges the answer by the checks of checks.mjs. A failing request is
// shrunk by fast-check to its smallest form and reported as a curl command with the check it broke. Same seed, same
// requests: generation never depends on the clock or on the answers (only the stateful checks reuse returned ids).
import fc from 'fast-check';
import {
  CHECK_NAMES,
  ignoredAuth,
  NOT_APPLICABLE,
  negativeDataRejection,
  positiveDataAcceptance,
  responseChecks,
} from './checks.mjs';
import { operationModels } from './operations.mjs';
import {
  canBreak,
  negativeRequestArbitrary,
  unauthenticatedRequestArbitrary,
  validRequestArbitrary,
} from './requests.mjs';
import { LIFECYCLES } from './resources.mjs';
import { createValidator } from './spec-validator.mjs';
import { toCurl, toHttp } from './wire.mjs';

/**
 * One exchange in HAR form, with the operation it exercised.
 * @typedef {{ _operationId: string, _api: string,
 *   request: { method: string, url: string, headers: { name: string, value: string }[], postData?: { mimeType: string, text: string } },
 *   response: { status: number, headers: { name: string, value: string }[], content: { mimeType: string, text: string } },
 *   [key: string]: unknown }} HarEntry
 */
/**
 * What a run found.
 * @typedef {object} ConformanceResult
 * @property {number} seed
 * @property {Record<string, { requests: number, failed: number }>} checks
 * @property {Failure[]} failures
 * @property {HarEntry[]} exchanges
 * @property {number} requests
 * @property {boolean} interrupted
 * @property {number} elapsedMs
 */

/** How long one request may take before it counts as unanswered. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Rounds per operation and kind of request: each round after a failure looks for failures of other checks. */
const MAX_ROUNDS = 3;
/**
 * Generated creates the stateful checks follow per lifecycle, whatever the budget: each leaves a resource on a real
 * deployment for a while (a Portabl user for good: the API has no delete).
 */
const MAX_LIFECYCLES = 10;

/**
 * @typedef {object} ApiTarget
 * @property {string} name       `portabl` or `identity`
 * @property {object} doc        its bundled OpenAPI document
 * @property {string} baseUrl    where to send requests (no trailing slash)
 * @property {{header: string, value: string, wrong: string, variable: string} | undefined} credential
 *   the valid credential as a header; `wrong`: a made-up value of the same kind; `variable`: what curl shows instead
 * @property {boolean} wrongCredentials  whether the target judges credential values (a mock checks presence only)
 * @property {boolean} stateful  whether created resources persist (use_after_free, ensure_resource_availability)
 *
 * @typedef {object} Failure
 * @property {string} check
 * @property {string} api
 * @property {string} operationId
 * @property {string} reason
 * @property {string} curl     the shrunk request
 * @property {number} status   its answer
 */

// Compiling a bundle's schemas is the slowest step of a small run: one validator per document object.
const validators = new WeakMap();
function validatorFor(api) {
  let validator = validators.get(api.doc);
  if (!validator) {
    validator = createValidator(api.doc, `https://kyc-contracts.invalid/conformance/${api.name}.json`);
    validators.set(api.doc, validator);
  }
  return validator;
}

/** A 32-bit seed per (run seed, api, operation, kind, round): independent streams, all fixed by the run's seed. */
function deriveSeed(seed, ...parts) {
  let h = seed >>> 0;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h | 0;
}

/**
 * Runs the checks against one or more APIs of a target.
 * @param {object} options
 * @param {ApiTarget[]} options.apis
 * @param {number} options.seed                    any 32-bit integer; printed so a run can be replayed
 * @param {number} [options.requestsPerOperation]  per operation and kind of request (valid, negative, no
 *   credential), before shrinking; default 25
 * @param {number} [options.timeCapMs]             the whole run stops generating after this; default 60 000
 * @param {number} [options.now]                   ms since the epoch for date rules (`x-age-range`); default: today 00:00 UTC
 * @param {string[]} [options.operations]         only these operationIds (default: every operation); the stateful
 *   checks run when their create operation is among them
 * @param {(line: string) => void} [options.log]   progress lines; default none
 * @param {typeof fetch} [options.fetch]
 * @returns {Promise<ConformanceResult>}
 *   `exchanges`: every request and answer as HAR 1.2 entries (credentials redacted), for coverage.mjs
 * @example await runConformance({ apis: [identityTarget], seed: 42, requestsPerOperation: 10 })
 */
export async function runConformance({
  apis,
  seed,
  requestsPerOperation = 25,
  timeCapMs = 60_000,
  now = Math.floor(Date.now() / 86_400_000) * 86_400_000,
  operations,
  log = () => {},
  fetch: fetchImpl = globalThis.fetch,
}) {
  if (!Number.isInteger(seed)) throw new Error(`seed ${seed} is not an integer`);
  for (const id of operations ?? []) {
    if (!apis.some((api) => operationModels(api.doc).some((m) => m.operationId === id)))
      throw new Error(`no API of the target has an operation ${id}`);
  }
  if (!Number.isInteger(requestsPerOperation) || requestsPerOperation < 1)
    throw new Error(`requestsPerOperation ${requestsPerOperation} is not a positive integer`);
  const started = Date.now();
  const deadline = started + timeCapMs;
  const checks = Object.fromEntries(CHECK_NAMES.map((name) => [name, { requests: 0, failed: 0 }]));
  const failures = [];
  const exchanges = [];
  let interrupted = false;

  for (const api of apis) {
    const validator = validatorFor(api);
    const allModels = operationModels(api.doc);
    const byId = new Map(allModels.map((m) => [m.operationId, m]));
    const models = operations ? allModels.filter((m) => operations.includes(m.operationId)) : allModels;
    const generation = { now };

    /** Sends one request; a network failure or timeout is an answer with status 0. */
    const exchange = async (model, request) => {
      const http = toHttp(model, request, api.baseUrl, api.credential);
      const startedAt = new Date();
      let answer;
      try {
        const response = await fetchImpl(http.url, {
          method: http.method,
          headers: http.headers,
          body: http.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        answer = { status: response.status, headers: response.headers, text: await response.text() };
      } catch (error) {
        answer = {
          status: 0,
          headers: new Headers(),
          text: '',
          error: error instanceof Error ? error.message : String(error),
        };
      }
      exchanges.push(harEntry(api, model, http, answer, startedAt));
      return { http, answer };
    };

    /** Judges one exchange; counts every check that applied. */
    const judge = (model, request, answer, requestCheck) => {
      const results =
        answer.status === 0
          ? { not_a_server_error: `no answer: ${answer.error}` }
          : responseChecks({ model, validator }, answer);
      if (requestCheck && answer.status !== 0) results[requestCheck.name] = requestCheck.fn(model, request, answer);
      for (const [name, result] of Object.entries(results)) {
        if (result === NOT_APPLICABLE) continue;
        checks[name].requests += 1;
      }
      return results;
    };

    // One report per (operation, check): the first shrunk failure says what is wrong; more would repeat it.
    const reported = new Set();
    const record = (model, check, reason, http, answer) => {
      if (reported.has(`${model.operationId} ${check}`)) return;
      reported.add(`${model.operationId} ${check}`);
      checks[check].failed += 1;
      const failure = {
        check,
        api: api.name,
        operationId: model.operationId,
        reason,
        curl: toCurl(http, api.credential),
        status: answer.status,
      };
      failures.push(failure);
      log(`✖ ${check} ${api.name} ${model.operationId}: ${reason}\n    ${failure.curl}`);
    };

    /** One property run for one kind of request; repeated while it finds failures of checks not yet failed. */
    const explore = async (model, kind, arbitrary, requestCheck, numRuns) => {
      const failed = new Set();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          interrupted = true;
          return;
        }
        const last = new Map();
        const property = fc.asyncProperty(arbitrary, async (request) => {
          const { http, answer } = await exchange(model, request);
          const results = judge(model, request, answer, requestCheck);
          last.set(request, { http, answer, results });
          return !Object.entries(results).some(([name, result]) => typeof result === 'string' && !failed.has(name));
        });
        const outcome = await fc.check(property, {
          seed: deriveSeed(seed, api.name, model.operationId, kind, String(round)),
          numRuns,
          interruptAfterTimeLimit: remaining,
          markInterruptAsFailure: false,
        });
        if (outcome.interrupted) interrupted = true;
        if (!outcome.failed || (outcome.interrupted && !outcome.counterexample)) return;
        if (!outcome.counterexample) {
          // No counterexample and no interruption: generation itself failed (e.g. a filter that rejects everything).
          throw new Error(
            `${api.name} ${model.operationId} (${kind} requests): ${/** @type {{ message?: string } | undefined} */ (outcome.errorInstance)?.message ?? fc.defaultReportMessage(outcome)}`,
          );
        }
        const [shrunk] = outcome.counterexample;
        const seen = last.get(shrunk) ?? { ...(await exchange(model, shrunk)) };
        const results = seen.results ?? judge(model, shrunk, seen.answer, requestCheck);
        for (const [name, result] of Object.entries(results)) {
          if (typeof result !== 'string' || failed.has(name)) continue;
          failed.add(name);
          record(model, name, result, seen.http, seen.answer);
        }
      }
    };

    const share = requestsPerOperation;
    for (const model of models) {
      await explore(
        model,
        'valid',
        validRequestArbitrary(api.doc, model, validator, generation),
        { name: 'positive_data_acceptance', fn: positiveDataAcceptance },
        share,
      );
      if (canBreak(model)) {
        await explore(
          model,
          'negative',
          negativeRequestArbitrary(api.doc, model, validator, generation),
          { name: 'negative_data_rejection', fn: negativeDataRejection },
          share,
        );
      }
      if (model.credential) {
        const arbitrary = unauthenticatedRequestArbitrary(api.doc, model, validator, generation, {
          wrongCredentials: api.wrongCredentials,
        });
        await explore(model, 'credential', arbitrary, { name: 'ignored_auth', fn: ignoredAuth }, share);
      }
    }

    if (api.stateful) {
      for (const lifecycle of (LIFECYCLES[api.name] ?? []).filter(
        (l) => !operations || operations.includes(l.create),
      )) {
        await exploreLifecycle({
          api,
          byId,
          lifecycle,
          validator,
          generation,
          exchange,
          judge,
          record,
          checks,
          seed,
          share,
          deadline,
          onInterrupt: () => (interrupted = true),
        });
      }
    }
  }
  return {
    seed,
    checks,
    failures,
    exchanges,
    requests: exchanges.length,
    interrupted,
    elapsedMs: Date.now() - started,
  };
}

/**
 * ensure_resource_availability (a created resource reads back 2xx) and use_after_free (a deleted one reads 404),
 * over generated valid creates. The create, read and delete answers are judged by the response checks too.
 */
async function exploreLifecycle({
  api,
  byId,
  lifecycle,
  validator,
  generation,
  exchange,
  judge,
  record,
  checks,
  seed,
  share,
  deadline,
  onInterrupt,
}) {
  const need = (operationId) => {
    const model = byId.get(operationId);
    if (!model) throw new Error(`resources.mjs names ${operationId}, which the ${api.name} bundle does not have`);
    return model;
  };
  const create = need(lifecycle.create);
  const read = need(lifecycle.read);
  const remove = lifecycle.remove ? need(lifecycle.remove) : undefined;
  const failed = new Set();
  const readRequest = (model, param, id) => ({
    operationId: model.operationId,
    method: model.method,
    path: model.path,
    pathParams: { [param]: id },
    query: {},
    headers: {},
    credential: 'valid',
  });
  const fail = (check, reason, seen) => {
    if (failed.has(check)) return;
    failed.add(check);
    record(seen.model, check, reason, seen.http, seen.answer);
  };
  // The answers along a lifecycle are judged like any other; a failure among them is reported as found (these
  // requests are not shrunk: they follow from the create, which is).
  const send = async (model, request) => {
    const seen = await exchange(model, request);
    for (const [name, result] of Object.entries(judge(model, request, seen.answer))) {
      if (typeof result === 'string') record(model, name, result, seen.http, seen.answer);
    }
    return seen;
  };
  const arbitrary = validRequestArbitrary(api.doc, create, validator, generation)
    .filter((r) => (lifecycle.applies ? lifecycle.applies(r) : true))
    .map((r) => (lifecycle.prepare ? lifecycle.prepare(r) : r));
  const remaining = deadline - Date.now();
  if (remaining <= 0) return onInterrupt();
  const outcome = await fc.check(
    fc.asyncProperty(arbitrary, async (request) => {
      const created = await send(create, request);
      if (created.answer.status < 200 || created.answer.status >= 300) return true;
      let body;
      try {
        body = JSON.parse(created.answer.text || 'null');
      } catch {
        body = undefined;
      }
      const id = lifecycle.idOf(request, body);
      if (id === undefined) return true;
      const readBack = readRequest(read, lifecycle.readParam, id);
      const afterCreate = await send(read, readBack);
      checks.ensure_resource_availability.requests += 1;
      if (afterCreate.answer.status < 200 || afterCreate.answer.status >= 300) {
        fail(
          'ensure_resource_availability',
          `${lifecycle.create} answered ${created.answer.status}, then ${lifecycle.read} answered ${afterCreate.answer.status}`,
          { model: read, ...afterCreate },
        );
      }
      if (!remove) return true;
      const removal = readRequest(remove, lifecycle.removeParam, id);
      const removed = await send(remove, removal);
      if (removed.answer.status < 200 || removed.answer.status >= 300) return true;
      const afterRemove = await send(read, readBack);
      checks.use_after_free.requests += 1;
      if (afterRemove.answer.status !== 404) {
        fail(
          'use_after_free',
          `${lifecycle.remove} answered ${removed.answer.status}, then ${lifecycle.read} answered ${afterRemove.answer.status} instead of 404`,
          { model: read, ...afterRemove },
        );
      }
      return true;
    }),
    {
      seed: deriveSeed(seed, api.name, lifecycle.create, 'lifecycle'),
      numRuns: Math.min(share, MAX_LIFECYCLES),
      interruptAfterTimeLimit: remaining,
      markInterruptAsFailure: false,
    },
  );
  if (outcome.interrupted) onInterrupt();
  if (outcome.failed && outcome.errorInstance) throw outcome.errorInstance;
}

/** One HAR 1.2 entry; the credential header's value is replaced so that a saved log never holds a secret. */
function harEntry(api, model, http, answer, startedAt) {
  const redacted = Object.entries(http.headers).map(([name, value]) => ({
    name,
    value: api.credential && name === api.credential.header && value === api.credential.value ? '[redacted]' : value,
  }));
  const url = new URL(http.url);
  return {
    startedDateTime: startedAt.toISOString(),
    time: Date.now() - startedAt.getTime(),
    _operationId: model.operationId,
    _api: api.name,
    request: {
      method: http.method,
      url: http.url,
      httpVersion: 'HTTP/1.1',
      headers: redacted,
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: http.body?.length ?? 0,
      ...(http.body !== undefined ? { postData: { mimeType: http.headers['content-type'], text: http.body } } : {}),
    },
    response: {
      status: answer.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [...answer.headers].map(([name, value]) => ({ name, value })),
      cookies: [],
      content: { size: answer.text.length, mimeType: answer.headers.get('content-type') ?? '', text: answer.text },
      redirectURL: '',
      headersSize: -1,
      bodySize: answer.text.length,
    },
    cache: {},
    timings: { send: 0, wait: Date.now() - startedAt.getTime(), receive: 0 },
  };
}

// The contract cases: one request per operation, sent through the client once per documented status (and per named
// example), each answer checked on the wire against the spec. Tables per API live in tests/contract/cases/; this
// module turns a table into the exchanges a target can answer (planExchanges) and runs one (run-exchange.ts).
import type { ApiName } from '../../support/bundles.js';
import type { ContractTargets, TargetKind } from './targets.js';

/** What an openapi-fetch call resolves to. */
export interface ClientResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The answer of a status documented without a body (204, 202). */
export const NO_BODY = null;

/**
 * What a case expects for one status: the name of the spec's example it answers with, several names when the spec
 * documents several (the first is the one a server gives without being asked), or NO_BODY.
 */
export type ExpectedAnswer = string | readonly [string, ...string[]] | typeof NO_BODY;

export interface CaseContext<Target, Run> {
  target: Target;
  /** What the cases of one run share: the ids earlier answers handed out (see each table's `newRun`). */
  run: Run;
}

export interface OperationCase<Client, Target, Run> {
  operationId: string;
  /** The operation's request, through the client; `headers` carries the Prefer header a case adds. */
  send(client: Client, headers: Record<string, string>, context: CaseContext<Target, Run>): Promise<ClientResult>;
  /** Keeps what later cases need (an id) from the body of this operation's default answer, once it passed. */
  remember?(body: unknown, run: Run): void;
  /**
   * Every status the case is exercised with, and the example each is expected to answer with:
   * `{ 200: 'person', 404: 'identity_not_found' }`. The lowest 2xx is the default answer, asked for without Prefer.
   */
  answers: Readonly<Record<number, ExpectedAnswer>>;
}

export interface ApiContract<Client, Target, Run> {
  api: ApiName & keyof ContractTargets;
  createClient(target: Target, fetch: (request: Request) => Promise<Response>): Client;
  /** A fresh run: the cases of a table are sent in order, each reading what the earlier ones remembered. */
  newRun(target: Target): Run;
  cases: OperationCase<Client, Target, Run>[];
}

/** One exchange a test sends: a case, a status, the example expected, and the Prefer header that asks for them. */
export interface PlannedExchange<Client, Target, Run> {
  title: string;
  operationCase: OperationCase<Client, Target, Run>;
  status: number;
  /** The spec's example the answer must be (against the mock); undefined for a status without a body. */
  example?: string;
  /** Undefined for the default answer, which any server gives to the request as it is. */
  prefer?: string;
  /** On the sandbox: what makes it give this status, for real (instead of Prefer). */
  cause?: Cause<Target, Run>;
}

/** What a case's `send` goes through instead, to give a status its real cause (see support/sandbox-causes.ts). */
export interface Cause<Target, Run> {
  /** Why the status comes, for the test's title: "another tenant's credential", ... */
  description: string;
  /** Readies the cause (a token, a record) and says where and how to send: another target, an altered request. */
  prepare(
    context: CaseContext<Target, Run>,
  ): Promise<{ target?: Target; send?: (request: Request) => Promise<Response> }>;
}

/** For the sandbox: the cause of each non-default status, or why it cannot be reached there. */
export interface CauseTable<Target, Run> {
  causeOf(operationId: string, status: number): Cause<Target, Run> | { notReachable: string };
}

/** An exchange the target cannot be asked for, by name, and why. */
export interface NotApplicableExchange {
  title: string;
  operationId: string;
  status: number;
  example?: string;
  reason: string;
}

export interface ContractPlan<Client, Target, Run> {
  /** In the table's order: a case's default answer first, so what it remembers is there for the next cases. */
  runnable: PlannedExchange<Client, Target, Run>[];
  notApplicable: NotApplicableExchange[];
}

export const NEEDS_PREFER =
  "needs Prism's Prefer header: a deployment gives only the default answer to a valid request";

/**
 * Thrown by a case that cannot be sent in this run for want of something only the target could have handed out
 * (e.g. a document id): the test reports the case as not applicable with `reason`, by name.
 */
export class NotApplicable extends Error {
  constructor(readonly reason: string) {
    super(`not applicable: ${reason}`);
    this.name = 'NotApplicable';
  }
}

const examplesOf = (answer: ExpectedAnswer): readonly string[] =>
  answer === NO_BODY ? [] : typeof answer === 'string' ? [answer] : answer;

/**
 * Every exchange of an API's table, each status of each case and each example of each status, split by what the
 * target can answer: the mock answers them all; a deployment only the default answer of each case (a status
 * or example other than the default needs Prism's Prefer header).
 */
export function planExchanges<Client, Target, Run>(
  contract: ApiContract<Client, Target, Run>,
  kind: TargetKind,
  causes?: CauseTable<Target, Run>,
): ContractPlan<Client, Target, Run> {
  const plan: ContractPlan<Client, Target, Run> = { runnable: [], notApplicable: [] };
  for (const operationCase of contract.cases) {
    const { operationId, answers } = operationCase;
    const statuses = Object.keys(answers)
      .map(Number)
      .sort((a, b) => a - b);
    const defaultStatus = statuses.find((status) => status >= 200 && status < 300);
    if (defaultStatus === undefined)
      throw new Error(`${contract.api} ${operationId}: the case lists no 2xx answer, so nothing is its default`);
    for (const status of statuses) {
      const examples = examplesOf(answers[status]!);
      const variants = examples.length > 0 ? examples : [undefined];
      variants.forEach((example, index) => {
        const byDefault = status === defaultStatus && index === 0;
        const prefer = byDefault
          ? undefined
          : examples.length > 1
            ? `code=${status}, example=${example!}`
            : `code=${status}`;
        const answer = example ?? '(no body)';
        const title = `${operationId} → ${status} ${answer}${prefer ? ` (Prefer: ${prefer})` : ''}`;
        const exchange = { operationCase, status, ...(example ? { example } : {}), ...(prefer ? { prefer } : {}) };
        if (kind === 'mock') {
          plan.runnable.push({ title, ...exchange });
        } else if (kind === 'sandbox' && !byDefault) {
          // The sandbox answers with its own data too, but each status can be caused for real: once per status.
          if (index > 0 || status === defaultStatus) return;
          const cause = causes?.causeOf(operationId, status) ?? {
            notReachable: 'no cause for this status on the sandbox',
          };
          if ('notReachable' in cause)
            plan.notApplicable.push({
              title: `${operationId} → ${status}`,
              operationId,
              status,
              reason: cause.notReachable,
            });
          else
            plan.runnable.push({
              ...exchange,
              title: `${operationId} → ${status} (${cause.description})`,
              cause,
              prefer: undefined,
            } as PlannedExchange<Client, Target, Run>);
        } else if (byDefault) {
          // A deployment answers with its own data: the title names no example, the body is checked by schema only.
          plan.runnable.push({ ...exchange, title: `${operationId} → ${status}${example ? '' : ' (no body)'}` });
        } else {
          plan.notApplicable.push({
            title,
            operationId,
            status,
            ...(example ? { example } : {}),
            reason: NEEDS_PREFER,
          });
        }
      });
    }
  }
  return plan;
}

// The validators compiled at build time (generated/<api>/validators/, Ajv standalone code), loaded on first use:
// `first` (stops at the first issue) when a validated call is made, `all` (lists every issue) only once a value
// fails. No schema is compiled at run time and no Ajv compiler is loaded.
import { type BoundedIssues, boundedIssues, type ValidateFunction } from './schema-issues.js';

/** A generated validators module: validator key (from the runtime module) → compiled validate function. */
export type ValidatorModule = Record<string, unknown>;

/** How a client loads its API's compiled validators (an `import()` each, so bundlers split them off). */
export interface ValidatorLoaders {
  first: () => Promise<ValidatorModule>;
  all: () => Promise<ValidatorModule>;
}

export interface CompiledValidator {
  /** The issues of `value` against the schema `key` (at most `maxIssues` listed), in time linear in its size. */
  validateBounded(key: string, value: unknown, maxIssues?: number): Promise<BoundedIssues>;
}

function pick(module: ValidatorModule, key: string): ValidateFunction {
  const fn = module[key];
  // A runtime module and validators from different generations: a packaging fault, said plainly.
  if (typeof fn !== 'function')
    throw new Error(`the generated validators have no schema "${key}": run npm run generate`);
  return fn as ValidateFunction;
}

export function compiledValidator(loaders: ValidatorLoaders): CompiledValidator {
  let first: Promise<ValidatorModule> | undefined;
  let firstLoaded: ValidatorModule | undefined;
  let all: Promise<ValidatorModule> | undefined;
  return {
    async validateBounded(key, value, maxIssues) {
      // The common case, once loaded: a value that passes the first pass, checked without waiting on anything.
      if (firstLoaded && pick(firstLoaded, key)(value)) return { issues: [], more: 0, unexamined: 0 };
      first ??= loaders.first().then((module) => (firstLoaded = module));
      const fn = pick(await first, key);
      return boundedIssues(
        fn,
        async () => {
          all ??= loaders.all();
          return pick(await all, key);
        },
        value,
        maxIssues,
      );
    },
  };
}

// What the identity client reads at run time: the facts generated from the spec, and its validators compiled at build
// time, each loaded with `import()` on the first validated call only (bundlers split them off the entry).
import { runtime } from '../../generated/identity/runtime.js';
import type { ValidatorLoaders } from '../compiled-validator.js';

export const identityRuntime = runtime;

export const identityValidators: ValidatorLoaders = {
  first: () => import('../../generated/identity/validators/first.js'),
  all: () => import('../../generated/identity/validators/all.js'),
};

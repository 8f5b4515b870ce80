// One Ajv validator per bundled spec, shared by the sandbox's request checks and checkResponse (src/validation.ts):
// adding the document and compiling its schemas is the costly part, so it happens once per process. Ajv is an
// optional peer dependency: nothing imports this module statically except tests; the sandbox imports it once its
// peers are checked (loadSpecValidators in src/sandbox/peers.ts), checkResponse on its first use.

import type { SpecDocument } from './spec-document.js';
import { createSpecValidator, type SpecValidator } from './spec-validator.js';

const validators = new WeakMap<SpecDocument, SpecValidator>();

export function validatorFor(spec: SpecDocument, api: string): SpecValidator {
  let validator = validators.get(spec);
  if (!validator) {
    validator = createSpecValidator(spec, `https://kyc-contracts.invalid/${api}.json`);
    validators.set(spec, validator);
  }
  return validator;
}

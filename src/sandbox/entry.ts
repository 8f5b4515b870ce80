// The package entry `kyc-contracts/sandbox`.
export * from './index.js';
export { describeSandbox, runSandboxCommand, sandboxOptionsFromEnv } from './command.js';

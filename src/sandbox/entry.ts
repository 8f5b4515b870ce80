// The package entry `@kyc-contracts/sdk/sandbox`.
export * from './index.js';
export { describeSandbox, runSandboxCommand, sandboxOptionsFromEnv } from './command.js';

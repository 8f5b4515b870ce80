// The package entry `@kyc-contracts/sdk/sandbox`.

export { describeSandbox, runSandboxCommand, sandboxOptionsFromEnv } from './command.js';
export * from './index.js';

#!/usr/bin/env node
// `npx kyc-contracts-sandbox`: serves both API sandboxes (see command.ts for the settings).
import { runSandboxCommand } from './command.js';

await runSandboxCommand();

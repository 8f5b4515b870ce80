// Starts Debian's chromium through playwright-core with a fresh profile. When no browser can start, the error says
// how to install one: the browser tests fail then, they never skip.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless, and nothing that would reach the network on its own (updates, sync, QUIC probes, first-run pages).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const HOW_TO_INSTALL =
  "Install Debian's chromium (`sudo apt-get install -y chromium`; `bash .ci/run` does it when it is missing), " +
  'or point CHROMIUM_PATH at a Chromium binary. Never `npx playwright install`.';

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No browser: ${CHROMIUM_PATH} does not exist. ${HOW_TO_INSTALL}`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`No browser: ${CHROMIUM_PATH} did not start (${reason}). ${HOW_TO_INSTALL}`);
  }
}

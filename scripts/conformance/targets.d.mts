// Types of targets.mjs for the TypeScript tests.
import type { ApiTarget } from './runner.mjs';
export const API_SETTINGS: Record<'portabl' | 'identity', { urlVariable: string; credentialVariables: string[] }>;
export const MOCK_CREDENTIALS: { clientId: string; clientSecret: string; apiKey: string };
export function loadBundle(api: 'portabl' | 'identity'): Record<string, any>;
export function portablToken(baseUrl: string, clientId: string, clientSecret: string, fetchImpl?: typeof fetch): Promise<string>;
export function apiTarget(
  api: 'portabl' | 'identity',
  baseUrl: string,
  credentials: { clientId?: string; clientSecret?: string; apiKey?: string },
  behaviour: { wrongCredentials: boolean; stateful: boolean; fetch?: typeof fetch },
): Promise<ApiTarget>;
export function deploymentSettings(
  api: 'portabl' | 'identity',
  env: Record<string, string | undefined>,
  url?: string,
): { baseUrl: string; credentials: { clientId?: string; clientSecret?: string; apiKey?: string } };

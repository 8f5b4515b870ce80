// Which server each API's contract tests talk to: the Prism mock (default), or a real deployment named by
// CONTRACT_PORTABL_URL / CONTRACT_IDENTITY_URL together with its credentials.

/** The Prism mock, a real deployment of the API, or the stateful sandbox (src/sandbox, started by the global setup). */
export type TargetKind = 'mock' | 'deployment' | 'sandbox';

export interface PortablTarget {
  kind: TargetKind;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface IdentityTarget {
  kind: TargetKind;
  baseUrl: string;
  apiKey: string;
}

export interface ContractTargets {
  portabl: PortablTarget;
  identity: IdentityTarget;
}

/** The mock accepts any credentials of the right shape; these say plainly that they are fake. */
export const MOCK_CREDENTIALS = {
  clientId: 'contract-test-client',
  clientSecret: 'fake-client-secret-for-the-mock',
  apiKey: 'fake-api-key-for-the-mock',
} as const;

type Env = Record<string, string | undefined>;

function httpUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable}="${value}" is not a URL: give the API's base URL, e.g. https://host/api/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable}="${value}" is not an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

/** Reads one API's deployment settings; undefined when none is set (that API then runs against the mock). */
function deploymentSettings<K extends string>(env: Env, urlVariable: string, credentialVariables: Record<K, string>) {
  const url = env[urlVariable];
  const values = Object.fromEntries(
    Object.entries<string>(credentialVariables).map(([key, variable]) => [key, env[variable]]),
  ) as Record<K, string | undefined>;
  const setCredentials = Object.values<string>(credentialVariables).filter((variable) => env[variable]);
  if (!url) {
    if (setCredentials.length > 0) {
      throw new Error(
        `${setCredentials.join(', ')} set without ${urlVariable}: set ${urlVariable} to test a deployment, or unset them to test the mock`,
      );
    }
    return undefined;
  }
  const missing = Object.values<string>(credentialVariables).filter((variable) => !env[variable]);
  if (missing.length > 0) {
    throw new Error(
      `${urlVariable} is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: a deployment needs credentials`,
    );
  }
  return { baseUrl: httpUrl(urlVariable, url), ...(values as Record<K, string>) };
}

/**
 * The deployments named in the environment, each API on its own: an API without a URL is tested against the mock.
 * Throws a message naming the variable when the settings are incomplete or malformed.
 */
export function deploymentsFromEnv(env: Env): { portabl?: PortablTarget; identity?: IdentityTarget } {
  const portabl = deploymentSettings(env, 'CONTRACT_PORTABL_URL', {
    clientId: 'CONTRACT_PORTABL_CLIENT_ID',
    clientSecret: 'CONTRACT_PORTABL_CLIENT_SECRET',
  });
  const identity = deploymentSettings(env, 'CONTRACT_IDENTITY_URL', { apiKey: 'CONTRACT_IDENTITY_API_KEY' });
  return {
    ...(portabl ? { portabl: { kind: 'deployment', ...portabl } } : {}),
    ...(identity ? { identity: { kind: 'deployment', ...identity } } : {}),
  };
}

export function mockTargets(urls: Record<string, string>): ContractTargets {
  if (!urls.portabl || !urls.identity)
    throw new Error(`mockTargets: no mock URL for ${urls.portabl ? 'identity' : 'portabl'}`);
  return {
    portabl: {
      kind: 'mock',
      baseUrl: urls.portabl,
      clientId: MOCK_CREDENTIALS.clientId,
      clientSecret: MOCK_CREDENTIALS.clientSecret,
    },
    identity: { kind: 'mock', baseUrl: urls.identity, apiKey: MOCK_CREDENTIALS.apiKey },
  };
}

// No credential reaches the mock's log at any level (issue 10, item 6): at each of Prism's levels, both mocks are
// sent their credentials (bearer token, apikey, client secret) in valid and refused requests, and the log is
// searched for every one of them.
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_LEVELS, type RunningPrism, startPrism } from '../../../scripts/mock/prism.mjs';
import { bundlePath } from '../../../scripts/mock.mjs';
import { send } from '../support/private-mock.js';

const SECRETS = {
  token: 'bearer-token-that-must-not-be-logged',
  apikey: 'apikey-that-must-not-be-logged',
  clientSecret: 'client-secret-that-must-not-be-logged',
};

const started: RunningPrism[] = [];
afterAll(async () => {
  await Promise.all(started.map((m) => m.close()));
});

describe.each(LOG_LEVELS)('MOCK_LOG_LEVEL=%s', (level) => {
  it('logs no credential, whatever the request', async () => {
    let log = '';
    const write = { write: (line: string) => (log += line) };
    const [portabl, identity] = await Promise.all([
      startPrism({ name: 'portabl', document: bundlePath('portabl'), logLevel: level, log: write }),
      startPrism({ name: 'identity', document: bundlePath('identity'), logLevel: level, log: write }),
    ]);
    started.push(portabl, identity);
    const bearer = { authorization: `Bearer ${SECRETS.token}` };
    const answers = await Promise.all([
      send(portabl.url, 'POST', '/provider/token', {
        body: { clientId: 'client', clientSecret: SECRETS.clientSecret },
      }),
      send(portabl.url, 'POST', '/provider/token', {
        body: { clientId: 'client', clientSecret: SECRETS.clientSecret, extra: SECRETS.token },
      }),
      send(portabl.url, 'GET', `/provider/users?token=${SECRETS.token}`, { headers: bearer }),
      send(portabl.url, 'GET', '/provider/users', { headers: { ...bearer, prefer: 'code=200' } }),
      send(identity.url, 'GET', '/identities?sort=name', { headers: { apikey: SECRETS.apikey } }),
      send(identity.url, 'GET', '/identities', { headers: { apikey: SECRETS.apikey, prefer: 'example=typo' } }),
    ]);
    // The requests were answered (valid ones 200, broken ones 400), so the log had something to say.
    expect(answers.map((a) => a.status)).toEqual([200, 400, 400, 200, 400, 400]);
    if (level !== 'silent' && LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf('warn')) expect(log).toContain('refused');
    for (const [name, secret] of Object.entries(SECRETS))
      expect(log, `${name} in the ${level} log`).not.toContain(secret);
  });
});

import { describe, expect, it } from 'vitest';
import { isApiError, unwrap } from '../../../src/portabl/index.js';
import { fakePortabl, settingsPath } from '../../support/fake-portabl.js';

describe('Portabl second 401', () => {
  it('returns the second 401 to the caller after exactly one refresh and one resend', async () => {
    // Every token is refused: e.g. the client lacks access to this tenant.
    const server = fakePortabl({ acceptTokens: false });
    const portabl = server.client();

    const result = await portabl.GET('/provider/users/{userId}/settings', settingsPath);

    expect(result.response.status).toBe(401);
    expect(result.error).toEqual({ code: 'invalid_token', message: 'The access token is invalid or expired.' });
    expect(server.apiRequests()).toHaveLength(2);
    expect(server.tokenRequests()).toHaveLength(2);

    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(isApiError(thrown, 401)).toBe(true);
    expect((thrown as Error).message).toBe(
      'getUserSettings failed with HTTP 401 (invalid_token): The access token is invalid or expired.',
    );
  });
});

// Which mock serves which API on which default port. Kept apart from mock.mjs so that the docs build can name
// the ports without loading Prism.
export const MOCKED_APIS = [
  { name: 'portabl', title: 'Portabl Core API', portEnv: 'PORTABL_MOCK_PORT', defaultPort: 4010 },
  { name: 'identity', title: 'Identities API', portEnv: 'IDENTITY_MOCK_PORT', defaultPort: 4011 },
];

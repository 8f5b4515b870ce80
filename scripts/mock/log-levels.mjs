// The mock's log levels, apart from prism.mjs so that checking a setting does not load Prism's modules (~2 s).

/** Log levels (Prism's, pino's names), quietest last. `warn`: refused requests; `info` and below: every request. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

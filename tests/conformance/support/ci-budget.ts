// The budget of the conformance runs inside `npm test`: one fixed seed (replayable with `npm run conformance --
// --seed 20261130 --requests 10`) and a few hundred requests per API, so both runs stay well under 30 s.
export const CI_SEED = 20261130;
export const CI_REQUESTS_PER_OPERATION = 10;
export const CI_TIME_CAP_MS = 25_000;

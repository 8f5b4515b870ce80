// The budget of the conformance runs inside `npm test`: one fixed seed (replayable with `npm run conformance --
// --seed 20261130 --requests 10`) and a bound in requests (about 270 per API; ~3 s per run on an idle machine).
// The time cap only guards against a hang: a run it cut short would find other failures than the listed ones, so it
// is far above what the count needs even on a loaded machine.
export const CI_SEED = 20261130;
export const CI_REQUESTS_PER_OPERATION = 10;
export const CI_TIME_CAP_MS = 90_000;

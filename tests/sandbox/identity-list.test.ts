// The list operation on stored identities: every documented filter operator, sort, page[size], page[number],
// total and all=true, each compared with what was created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, person, startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
const ids: string[] = [];
let owner: any;
let firm: any;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  owner = (await sandbox.identity('POST', '/identities', person({ name: 'Ana Costa', email: 'ana@costa.example.org' })))
    .body.data;
  ids.push(owner.id);
  for (let i = 0; i < 4; i++) {
    sandbox.clock.advance(1000);
    ids.push((await sandbox.identity('POST', '/identities', person({ name: `Person ${i}` }))).body.data.id);
  }
  sandbox.clock.advance(1000);
  firm = (await sandbox.identity('POST', '/identities', company(owner.id))).body.data;
  ids.push(firm.id);
});
afterAll(() => sandbox.close());

const list = async (query: string) => {
  const reply = await sandbox.identity('GET', `/identities${query}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body as { total: number; data: { id: string }[] };
};

describe('Identities sandbox: list', () => {
  it('lists every identity, oldest first by default, with the total', async () => {
    const page = await list('');
    expect(page.total).toBe(6);
    expect(page.data.map((i) => i.id)).toEqual(ids);
  });

  it('sorts by -createdAt and by updatedAt', async () => {
    expect((await list('?sort=-createdAt')).data.map((i) => i.id)).toEqual([...ids].reverse());
    sandbox.clock.advance(1000);
    await sandbox.identity('PATCH', `/identities/${ids[1]}`, { name: 'Renamed' });
    const byUpdate = (await list('?sort=-updatedAt')).data.map((i) => i.id);
    expect(byUpdate[0]).toBe(ids[1]);
  });

  it('pages with page[size] and page[number], the total counting every page', async () => {
    const second = await list('?page[size]=4&page[number]=2');
    expect(second.total).toBe(6);
    expect(second.data.map((i) => i.id)).toEqual(ids.slice(4, 6));
    expect((await list('?page[size]=4&page[number]=3')).data).toEqual([]);
  });

  it('answers every match with all=true, ignoring page', async () => {
    const all = await list('?all=true&page[size]=1');
    expect(all.data).toHaveLength(6);
  });

  it.each([
    ['filter[email]=ana@costa.example.org', () => [owner.id]],
    ['filter[email]=like:COSTA.example', () => [owner.id]],
    ['filter[id]=ID0', () => [ids[0]]],
    ['filter[id]=in:ID1,ID2', () => [ids[1], ids[2]]],
    ['filter[identityOwner]=OWNER', () => [firm.id]],
    ['filter[identityOwner]=in:OWNER,00000000-0000-4000-8000-000000000000', () => [firm.id]],
    ['filter[name]=Ana Costa', () => [owner.id]],
    ['filter[type]=company', () => [firm.id]],
    ['filter[blocked]=false&filter[type]=company', () => [firm.id]],
    ['filter[blocked]=true', () => []],
    ['filter[appId]=APPID&filter[type]=company', () => [firm.id]],
    ['filter[riskRating]=high', () => []],
    ['filter[riskRating]=in:high,low', () => []],
    ['filter[riskRating]=nin:high&filter[type]=company', () => [firm.id]],
  ])('filters with %s', async (query, expected) => {
    const q = query
      .replace('ID0', ids[0]!)
      .replace('ID1', ids[1]!)
      .replace('ID2', ids[2]!)
      .replace(/OWNER/g, owner.id)
      .replace('APPID', firm.appId)
      .replace(/ /g, '%20');
    const page = await list(`?${q}`);
    expect(page.data.map((i) => i.id).sort()).toEqual(expected().sort());
    expect(page.total).toBe(expected().length);
  });

  it.each([
    ['filter[colour]=red', 'query parameter filter[colour]: is not a known property'],
    ['filter[name]=like:Ana', 'query parameter filter[name]: must match the pattern'],
    ['filter[riskRating]=like:x', 'query parameter filter[riskRating]: must match the pattern'],
    ['page[size]=101', 'query parameter page[size]: must be <= 100'],
    ['page[foo]=1', 'query parameter page[foo]: is not a known property'],
    ['page=abc', 'query parameter page: must be sent as page[<key>]=<value> (deepObject)'],
    ['sort=name', 'query parameter sort: must be one of createdAt, -createdAt, updatedAt, -updatedAt'],
    ['all=yes', 'query parameter all: must be boolean'],
    ['colour=red', 'query parameter colour: is not documented for listIdentities'],
  ])('refuses %s with 400 validation_failed naming the field and the rule', async (query, message) => {
    const reply = await sandbox.identity('GET', `/identities?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.message).toContain(message);
  });
});

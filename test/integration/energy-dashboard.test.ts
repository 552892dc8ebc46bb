import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageRecords } from '../../src/gateway/schema.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg, makeUser, Session } from '../helpers/test-app.js';
import { addChatModel, recordUse, type RecordedUse } from './energy-fixture.js';

/**
 * Energy dashboards and exports over real usage records: calls through /v1/chat/completions against the
 * fake upstream, plus many recorded rows. Expected figures are computed here, independently of the
 * energy module, from the rows in the database (µ-units, BigInt) or by hand.
 */

let f: GatewayFixture;
type Org = { id: string };
let A: Org, A1: Org, B: Org;
const people: Record<string, { id: string; session: Session }> = {};
/** What the gateway reported for each of Alice's calls. */
const aliceReports: { wh: number; method: string }[] = [];
const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

type Row = typeof usageRecords.$inferSelect;
let rows: Row[];
const micro = (value: number) => BigInt(Math.round(value * 1e6));
/** Exact sums of the selected rows, as the dashboard should report them. */
function expected(select: (row: Row) => boolean) {
  const chosen = rows.filter(select);
  const sum = (pick: (row: Row) => number) => Number(chosen.reduce((total, row) => total + micro(pick(row)), 0n)) / 1e6;
  return {
    requests: chosen.length,
    tokensOut: chosen.reduce((total, row) => total + row.tokensOut, 0),
    energyWh: sum((row) => row.energyWh),
    co2eGrams: sum((row) => row.co2eGrams),
    waterMl: sum((row) => row.waterMl),
  };
}

type Figures = { requests: number; measuredRequests: number; tokensOut: number; energyWh: number; co2eGrams: number; waterMl: number };
type Dashboard = {
  totals: Figures;
  rows: (Figures & { modelId?: string; orgId?: string; userId?: string; period?: string })[];
  comparisons: { id: string; value: number; text: { de: string; en: string } }[];
  sameWork: { modelId: string; percentLess: number; actualWh: number; alternativeWh: number; text: { de: string; en: string } }[];
  labels: { orgs: Record<string, string>; models: Record<string, string> };
};

async function dashboard(who: string, orgId: string, query: string) {
  const response = await people[who]!.session.request('GET', `/api/orgs/${orgId}/energy?${query}`);
  return response;
}
const pick = ({ requests, tokensOut, energyWh, co2eGrams, waterMl }: Figures) => ({ requests, tokensOut, energyWh, co2eGrams, waterMl });

beforeAll(async () => {
  f = await createGatewayFixture();
  await addChatModel(f.services, 'energie-gross', 0.8);
  await addChatModel(f.services, 'energie-mittel', 0.4);
  await addChatModel(f.services, 'energie-sparsam', 0.2);
  await addChatModel(f.services, 'energie-ungeprueft', 0.05, 'candidate');
  A = await makeOrg(f.services, 'energie-a');
  A1 = await makeOrg(f.services, 'energie-a1', A.id);
  B = await makeOrg(f.services, 'energie-b');
  const roles = { alice: [A, 'member'], bob: [A, 'member'], carla: [A1, 'member'], admin: [A, 'admin'], reviewer: [A, 'reviewer'], dpo: [A, 'dpo'], staff: [A, 'staff'], dora: [B, 'member'], adminB: [B, 'admin'], erik: [A, 'member'] } as const;
  for (const [name, [org, role]] of Object.entries(roles)) {
    const user = await makeUser(f.services, org.id, [role]);
    people[name] = { id: user.id, session: await Session.login(f.app, user.email, user.password) };
  }

  // Real calls through the gateway: Alice twice on the big model, Bob once, Carla in A1, Dora in B.
  const chat = async (who: string, org: Org, model: string, content: string) => {
    const response = await people[who]!.session.request('POST', '/v1/chat/completions', { model, messages: [{ role: 'user', content }] }, { 'x-leitplanke-org': org.id });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ leitplanke: { energy: { wh: number; method: string } } }>().leitplanke.energy;
  };
  aliceReports.push(await chat('alice', A, 'energie-gross', 'Bitte fasse das Protokoll der Vorstandssitzung zusammen'));
  aliceReports.push(await chat('alice', A, 'energie-gross', 'Schreibe eine Einladung zur Mitgliederversammlung'));
  await chat('bob', A, 'energie-mittel', 'Wie lautet die Tagesordnung?');
  await chat('erik', A, 'energie-gross', 'Ein Gruß an alle Ehrenamtlichen');
  await chat('carla', A1, 'energie-sparsam', 'Entwurf für den Newsletter');
  await chat('dora', B, 'energie-gross', 'Fremde Organisation');

  // Many recorded rows: figures with many decimals, whose float sum would drift.
  const many: RecordedUse[] = [];
  const users = [people.alice!.id, people.bob!.id, null];
  for (let index = 0; index < 1500; index += 1) {
    many.push({
      occurredAt: minutesAgo(10 + (index % 600)),
      orgId: [A.id, A1.id, B.id][index % 3]!,
      userId: index % 3 === 1 ? people.carla!.id : index % 3 === 2 ? people.dora!.id : users[Math.floor(index / 3) % users.length]!,
      modelId: ['energie-gross', 'energie-mittel', 'energie-sparsam', 'nicht-im-register'][index % 4]!,
      tokensOut: 100 + (index % 37),
      energyWh: 0.1 + (index % 7) * 0.013579,
      co2eGrams: 0.034414 * (1 + (index % 5)),
      waterMl: 0.170986 + index * 1e-6,
      energyMethod: index % 10 === 0 ? 'measured-rapl' : index % 10 === 5 ? 'estimated-assumed-size' : 'estimated',
    });
  }
  // Older than the default 30 days: never in the default window.
  many.push({ occurredAt: new Date(now - 40 * 86_400_000), orgId: A.id, userId: people.alice!.id, modelId: 'energie-gross', tokensOut: 1, energyWh: 1000, co2eGrams: 1, waterMl: 1 });
  await recordUse(f.services, many);
  rows = await f.services.database.db.select().from(usageRecords);
}, 120_000);
afterAll(async () => f.closeAll());

const inWindow = (row: Row) => row.occurredAt.getTime() > now - 30 * 86_400_000;
const inA = (row: Row) => inWindow(row) && (row.orgId === A.id || row.orgId === A1.id);

describe('organisation view', () => {
  it('gives totals of A with its sub-organisation, exact to the µWh, without the foreign organisation', async () => {
    const response = await dashboard('admin', A.id, 'scope=org&by=model');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Dashboard>();
    expect(pick(body.totals)).toEqual(expected(inA));
    expect(body.totals.requests).toBe(1000 + 5);
    for (const model of ['energie-gross', 'energie-mittel', 'energie-sparsam', 'nicht-im-register']) {
      const row = body.rows.find((entry) => entry.modelId === model)!;
      expect(pick(row), model).toEqual(expected((entry) => inA(entry) && entry.modelId === model));
    }
    expect(body.rows.map((row) => row.modelId)).toEqual(['energie-gross', 'energie-mittel', 'energie-sparsam', 'nicht-im-register']);
    expect(body.labels.models['energie-gross']).toBe('Modell energie-gross');
    expect(Object.keys(body.labels.orgs).sort()).toEqual([A.id, A1.id].sort());
  });

  it('breaks down by organisation and counts measured requests (measured-* only)', async () => {
    const body = (await dashboard('dpo', A.id, 'scope=org&by=org')).json<Dashboard>();
    expect(body.rows.map((row) => row.orgId).sort()).toEqual([A.id, A1.id].sort());
    for (const org of [A.id, A1.id]) {
      const row = body.rows.find((entry) => entry.orgId === org)!;
      expect(pick(row)).toEqual(expected((entry) => inWindow(entry) && entry.orgId === org));
      expect(row.measuredRequests).toBe(rows.filter((entry) => inWindow(entry) && entry.orgId === org && entry.energyMethod.startsWith('measured')).length);
    }
    expect(body.totals.measuredRequests).toBeGreaterThan(0);
  });

  it('lets a reviewer of A look at the sub-organisation A1 alone', async () => {
    const reviewer = (await dashboard('reviewer', A1.id, 'scope=org&by=model')).json<Dashboard>();
    expect(pick(reviewer.totals)).toEqual(expected((row) => inWindow(row) && row.orgId === A1.id));
  });

  it('groups by day in Europe/Berlin and respects from/to', async () => {
    const from = minutesAgo(60 * 3).toISOString();
    const to = minutesAgo(60).toISOString();
    const body = (await dashboard('admin', A.id, `scope=org&by=model&period=day&from=${from}&to=${to}`)).json<Dashboard>();
    const within = (row: Row) => inA(row) && row.occurredAt >= new Date(from) && row.occurredAt < new Date(to);
    expect(pick(body.totals)).toEqual(expected(within));
    expect(body.rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.period!))).toBe(true);
  });

  it('is refused to members, staff, admins of other organisations and for a breakdown by person', async () => {
    for (const who of ['alice', 'staff', 'adminB', 'carla']) {
      const response = await dashboard(who, A.id, 'scope=org&by=model');
      expect(response.statusCode, who).toBe(403);
      expect(response.json<{ reason: string }>().reason).toBe('energy_scope');
    }
    const perPerson = await dashboard('admin', A.id, 'scope=org&by=user');
    expect(perPerson.statusCode).toBe(400);
    expect(perPerson.json<{ detail: string }>().detail).toContain('nur die Person selbst');
  });
});

describe('own use', () => {
  it('shows a member only their own use, including what the gateway metered for their calls', async () => {
    const body = (await dashboard('alice', A.id, 'by=model,user')).json<Dashboard>();
    const own = (row: Row) => inA(row) && row.userId === people.alice!.id;
    expect(pick(body.totals)).toEqual(expected(own));
    expect(body.rows.every((row) => row.userId === people.alice!.id)).toBe(true);
    // The two real calls on the big model are in it with the energy the gateway reported for them.
    const gatewayRows = rows.filter((row) => own(row) && row.requestId !== 'energy-test');
    expect(gatewayRows).toHaveLength(2);
    expect(gatewayRows.map((row) => row.energyWh).sort()).toEqual(aliceReports.map((report) => report.wh).sort());
    expect(aliceReports.every((report) => report.wh > 0 && report.method === 'estimated')).toBe(true);
  });

  it('never shows another person’s or another organisation’s use', async () => {
    const bob = (await dashboard('bob', A.id, 'by=user')).json<Dashboard>();
    expect(bob.rows.map((row) => row.userId)).toEqual([people.bob!.id]);
    expect(pick(bob.totals)).toEqual(expected((row) => inA(row) && row.userId === people.bob!.id));
    // Dora (B) has records in B only; she cannot look at A, and in B sees only her own.
    expect((await dashboard('dora', A.id, 'scope=mine')).statusCode).toBe(403);
    const dora = (await dashboard('dora', B.id, 'scope=mine')).json<Dashboard>();
    expect(pick(dora.totals)).toEqual(expected((row) => inWindow(row) && row.orgId === B.id && row.userId === people.dora!.id));
    // Carla's records in A1 are hers.
    const carla = (await dashboard('carla', A1.id, 'scope=mine')).json<Dashboard>();
    expect(carla.totals.requests).toBe(rows.filter((row) => inWindow(row) && row.userId === people.carla!.id && row.orgId === A1.id).length);
  });
});

describe('API keys', () => {
  it('have no own use, but an admin key may read the organisation’s overview', async () => {
    const member = await makeApiKey(f.services, A.id, 'member');
    const mine = await f.app.inject({ url: `/api/orgs/${A.id}/energy?scope=mine`, headers: { authorization: `Bearer ${member.key}` } });
    expect(mine.statusCode).toBe(403);
    expect(mine.json<{ detail: string }>().detail).toContain('API-Schlüssel');
    const admin = await makeApiKey(f.services, A.id, 'admin');
    const org = await f.app.inject({ url: `/api/orgs/${A.id}/energy?scope=org&by=model`, headers: { authorization: `Bearer ${admin.key}` } });
    expect(org.statusCode).toBe(200);
    expect(pick(org.json<Dashboard>().totals)).toEqual(expected(inA));
  });
});

describe('same work with another model', () => {
  it('equals the hand calculation from the models’ Wh per 1,000 output tokens, and proposes only usable models', async () => {
    // Erik's work: one call on the big model (0.8 Wh per 1,000 output tokens).
    const body = (await dashboard('erik', A.id, 'by=model')).json<Dashboard>();
    const tokens = body.rows.find((row) => row.modelId === 'energie-gross')!.tokensOut;
    expect(body.rows.map((row) => row.modelId)).toEqual(['energie-gross']);
    expect(body.sameWork.map((item) => item.modelId)).toEqual(['energie-sparsam', 'energie-mittel']);
    const [sparsam, mittel] = body.sameWork;
    expect(sparsam!.actualWh).toBeCloseTo((tokens / 1000) * 0.8, 12);
    expect(sparsam!.alternativeWh).toBeCloseTo((tokens / 1000) * 0.2, 12);
    expect(sparsam!.percentLess).toBeCloseTo(75, 10); // 1 − 0.2 / 0.8
    expect(mittel!.percentLess).toBeCloseTo(50, 10); // 1 − 0.4 / 0.8
    expect(sparsam!.text.de).toBe('Dieselbe Arbeit mit Modell energie-sparsam würde 75 % weniger Energie verbrauchen.');
    expect(sparsam!.text.en).toBe('The same work with Modell energie-sparsam would use 75% less energy.');
  });

  it('weighs mixed work by output tokens (models outside the registry are left out)', async () => {
    const body = (await dashboard('admin', A.id, 'scope=org&by=model')).json<Dashboard>();
    const tokensOf = (model: string) => body.rows.find((row) => row.modelId === model)!.tokensOut;
    const [gross, mittel, sparsam] = [tokensOf('energie-gross'), tokensOf('energie-mittel'), tokensOf('energie-sparsam')];
    const actual = (gross * 0.8 + mittel * 0.4 + sparsam * 0.2) / 1000;
    const alternative = ((gross + mittel + sparsam) * 0.2) / 1000;
    expect(body.sameWork[0]!.modelId).toBe('energie-sparsam');
    expect(body.sameWork[0]!.percentLess).toBeCloseTo((1 - alternative / actual) * 100, 10);
    // The unreviewed candidate would use even less, but is not offered.
    expect(body.sameWork.some((item) => item.modelId === 'energie-ungeprueft')).toBe(false);
  });

  it('turns the totals into everyday comparisons', async () => {
    const body = (await dashboard('admin', A.id, 'scope=org')).json<Dashboard>();
    const lamp = body.comparisons.find((item) => item.id === 'led-lamp')!;
    expect(lamp.value).toBeCloseTo((body.totals.energyWh / 10) * 60, 9);
    const car = body.comparisons.find((item) => item.id === 'petrol-car')!;
    expect(car.value).toBeCloseTo(body.totals.co2eGrams / 142, 9);
  });
});

describe('exports', () => {
  it('writes CSV with German headers, semicolons and decimal commas for a German caller', async () => {
    const response = await people.admin!.session.request('GET', `/api/orgs/${A.id}/energy.csv?scope=org&by=org,model`, undefined, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe('Organisation;Name der Organisation;Modell;Modellname;Anfragen;davon gemessen;Eingabe-Tokens;Ausgabe-Tokens;Energie (Wh);CO2e (g);Wasser (ml)');
    expect(lines.at(-1)).toBe('');
    const line = lines.find((entry) => entry.startsWith(`${A1.id};Org energie-a1;energie-sparsam;Modell energie-sparsam;`))!;
    const cells = line.split(';');
    const figures = expected((row) => inWindow(row) && row.orgId === A1.id && row.modelId === 'energie-sparsam');
    expect(cells[4]).toBe(String(figures.requests));
    expect(cells[8]).toBe(String(figures.energyWh).replace('.', ','));
    expect(cells[10]).toBe(String(figures.waterMl).replace('.', ','));
    expect(cells[8]).toMatch(/^\d+,\d+$/);
    expect(lines.some((entry) => entry.startsWith(B.id))).toBe(false);
  });

  it('writes CSV with English headers and decimal points for an English caller; own use only for a member', async () => {
    const response = await people.bob!.session.request('GET', `/api/orgs/${A.id}/energy.csv?by=model`, undefined, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(200);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('Model,Model name,Requests,Of which measured,Input tokens,Output tokens,Energy (Wh),CO2e (g),Water (ml)');
    const requests = lines.slice(1).reduce((total, line) => total + Number(line.split(',')[2]), 0);
    expect(requests).toBe(expected((row) => inA(row) && row.userId === people.bob!.id).requests);
    expect((await people.bob!.session.request('GET', `/api/orgs/${A.id}/energy.csv?scope=org`)).statusCode).toBe(403);
  });

  it('sums a month in Europe/Berlin: a record at 00:30 on the 1st counts there, one at 00:30 on the next 1st does not', async () => {
    const march: RecordedUse[] = [
      { occurredAt: new Date('2026-02-28T23:30:00Z'), orgId: A.id, modelId: 'energie-gross', tokensOut: 1000, energyWh: 0.1, co2eGrams: 0.2, waterMl: 0.3 },
      { occurredAt: new Date('2026-03-15T12:00:00Z'), orgId: A1.id, modelId: 'energie-sparsam', tokensOut: 1000, energyWh: 0.2, co2eGrams: 0.1, waterMl: 0.7, energyMethod: 'measured-prometheus' },
      { occurredAt: new Date('2026-03-31T22:30:00Z'), orgId: A.id, modelId: 'energie-gross', tokensOut: 1000, energyWh: 5, co2eGrams: 5, waterMl: 5 },
      { occurredAt: new Date('2026-03-10T12:00:00Z'), orgId: B.id, modelId: 'energie-gross', tokensOut: 1000, energyWh: 7, co2eGrams: 7, waterMl: 7 },
    ];
    await recordUse(f.services, march);
    const response = await people.reviewer!.session.request('GET', `/api/orgs/${A.id}/energy/monthly?month=2026-03`);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json<{ month: string; totals: Figures; byOrg: (Figures & { orgId: string })[]; byModel: (Figures & { modelId: string })[]; measuredShare: number; sameWork: { modelId: string; percentLess: number }[] }>();
    expect(summary.month).toBe('2026-03');
    expect(pick(summary.totals)).toEqual({ requests: 2, tokensOut: 2000, energyWh: 0.3, co2eGrams: 0.3, waterMl: 1 });
    expect(summary.measuredShare).toBe(0.5);
    expect(summary.byOrg.map((row) => [row.orgId, row.energyWh]).sort()).toEqual([[A.id, 0.1], [A1.id, 0.2]].sort());
    // 1,000 tokens each on 0.8 and 0.2 Wh/1k; all on the frugal one: 1 − 0.4 / 1.0 = 60 % less.
    expect(summary.sameWork[0]).toMatchObject({ modelId: 'energie-sparsam' });
    expect(summary.sameWork[0]!.percentLess).toBeCloseTo(60, 10);
    expect((await people.alice!.session.request('GET', `/api/orgs/${A.id}/energy/monthly?month=2026-03`)).statusCode).toBe(403);
    expect((await people.admin!.session.request('GET', `/api/orgs/${A.id}/energy/monthly?month=2026-13`)).statusCode).toBe(400);
  });
});

describe('public methodology', () => {
  it('publishes the formula, the constants and their sources without login', async () => {
    const response = await f.app.inject({ url: '/api/public/energy/methodology' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ methodology: { sources: { url: string }[] }; constants: Record<string, { value: number; source: { url: string } }> }>();
    expect(body.methodology.sources.some((source) => source.url.includes('ecologits.ai'))).toBe(true);
    expect(body.constants.defaultPue!.value).toBe(1.2);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { rowsOf } from '../../src/db/connection.js';
import { systemCaller } from '../../src/identity/principal.js';
import { reportStyleHash } from '../../src/transparency/report/report-html.js';
import type { YearlyReport } from '../../src/transparency/report/report-data.js';
import { emptyIncidentSource, type AccountabilityFigures, type PeriodQuery, type PublicIncidentSource } from '../../src/transparency/sources.js';
import { createTestApp, makeOrg, type TestContext } from '../helpers/test-app.js';
import { answers, callerWith, useCaseInput } from './transparency-fixtures.js';

const clock = manualClock(new Date('2025-06-01T09:00:00Z'));
const system = systemCaller('transparency-report-test');
const figures: AccountabilityFigures = { incidentsRecorded: 5, incidentsPublic: 2, incidentsCorrected: 3, complaintsReceived: 7, complaintsClosed: 4, complaintsClosedWithinDeadline: 3 };
const asked: PeriodQuery[] = [];
const incidents: PublicIncidentSource = {
  listPublic: async () => [],
  figures: async (query) => {
    asked.push(query);
    return figures;
  },
};

let t: TestContext;
let orgIds: string[];
let report: YearlyReport;
const year = 2026;
const from = '2026-01-01T00:00:00+01:00';
const to = '2027-01-01T00:00:00+01:00';

async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await t.services.database.db.execute(statement));
}

async function entry(org: string, options: { assess?: () => object; status?: 'pilot' | 'in_use'; published?: boolean } = {}) {
  const created = await t.services.transparency.createUseCase(system, org, useCaseInput({ published: options.published ?? true }));
  if (options.assess) await t.services.transparency.assessments.record(system, created.id, options.assess() as never);
  if (options.status) await t.services.transparency.changeStatus(system, created.id, { status: options.status });
  return created.id;
}

async function usage(org: string, modelId: string, occurredAt: string, count = 1) {
  for (let index = 0; index < count; index++) {
    await t.services.database.db.execute(sql`
      insert into usage_records (id, occurred_at, org_id, purpose, kind, model_id, tokens_in, tokens_out, duration_ms, outcome, energy_wh, co2e_grams, water_ml, energy_method, request_id, prompt_hash)
      values (${randomUUID()}, ${occurredAt}, ${org}, 'chat', 'chat', ${modelId}, 100, 50, 10, 'ok', 250, 100, 40, 'estimated', ${randomUUID()}, 'x')`);
  }
}

beforeAll(async () => {
  t = await createTestApp({}, { clock, publicIncidents: incidents });
  const A = await makeOrg(t.services, 'bericht-a');
  const A1 = await makeOrg(t.services, 'bericht-a1', A.id);
  const B = await makeOrg(t.services, 'bericht-b');
  orgIds = [A.id, A1.id];

  const retiredLater = await entry(A.id, { assess: answers.minimal, status: 'in_use' });
  clock.set(new Date('2026-02-01T09:00:00Z'));
  await entry(A1.id, { assess: answers.cvScreening, status: 'pilot' });
  await entry(A.id, { assess: answers.socialScoring });
  const planned = await entry(A.id);
  await entry(A.id, { assess: answers.chatbot, status: 'in_use', published: false });
  await entry(B.id, { assess: answers.minimal, status: 'in_use' });
  await entry(A.id, { assess: answers.chatbot, status: 'in_use' });

  clock.set(new Date('2026-05-01T09:00:00Z'));
  await t.services.transparency.changeStatus(system, retiredLater, { status: 'retired' });
  await t.services.transparency.participation.open(system, planned, { invitation: 'Bitte kommentieren.', closesAt: '2026-05-20T00:00:00Z' });
  const member = callerWith(A.id, ['member']);
  const comment = await t.services.transparency.participation.comment(member, planned, { body: 'Frage', capacity: 'staff_representative' });
  await t.services.transparency.participation.comment(member, planned, { body: 'Nachfrage', capacity: 'member', parentId: comment.id });

  await usage(A.id, 'm-one', '2026-03-10T10:00:00Z', 3);
  await usage(A.id, 'm-one', '2025-12-31T23:30:00Z'); // 00:30 on 1 January in Berlin: counts
  await usage(A.id, 'm-one', '2025-12-31T22:30:00Z'); // still 2025 in Berlin
  await usage(A.id, 'm-one', '2026-12-31T23:30:00Z'); // already 2027 in Berlin
  await usage(A1.id, 'm-two', '2026-07-01T10:00:00Z', 2);
  await usage(B.id, 'm-one', '2026-04-01T10:00:00Z', 5);

  clock.set(new Date('2027-01-10T09:00:00Z'));
  await entry(A.id, { assess: answers.minimal }); // registered after the year: not in the 2026 report
  const response = await t.app.inject({ url: `/api/public/transparency/reports/${year}?org=bericht-a` });
  expect(response.statusCode, response.body).toBe(200);
  report = response.json<YearlyReport>();
});
afterAll(async () => t?.close());

describe('yearly report figures equal direct database counts', () => {
  it('counts published entries registered by the end of the year, by status and risk class', async () => {
    const rows = await query<{ status: string; risk: string; count: number }>(sql`
      select status, coalesce(risk_class, 'unassessed') as risk, count(*)::int as count from transparency_use_cases
      where published and org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and created_at < ${to}
      group by 1, 2`);
    const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
    expect(report.useCases.total).toBe(total);
    for (const row of rows) expect(report.useCases.byStatusAndRisk[row.status as 'planned'][row.risk as 'high'], `${row.status}/${row.risk}`).toBe(Number(row.count));
    const byStatus = await query<{ status: string; count: number }>(sql`
      select status, count(*)::int as count from transparency_use_cases
      where published and org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and created_at < ${to} group by 1`);
    for (const row of byStatus) expect(report.useCases.byStatus[row.status as 'planned']).toBe(Number(row.count));
    // And against the fixture itself, so the SQL above cannot share a mistake with the report.
    expect(report.useCases).toMatchObject({
      total: 5,
      byStatus: { planned: 2, pilot: 1, in_use: 1, retired: 1 },
      byRiskClass: { prohibited: 1, high: 1, limited: 1, minimal: 1, unassessed: 1 },
      registeredInYear: 4,
      wentLiveInYear: 2,
      retiredInYear: 1,
    });
  });

  it('counts participation rounds and comments of the year', async () => {
    const [rounds] = await query<{ count: number }>(sql`
      select count(*)::int as count from transparency_participations p join transparency_use_cases u on u.id = p.use_case_id
      where u.published and u.org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and p.opens_at >= ${from} and p.opens_at < ${to}`);
    const [comments] = await query<{ count: number }>(sql`
      select count(*)::int as count from transparency_comments c join transparency_participations p on p.id = c.participation_id join transparency_use_cases u on u.id = p.use_case_id
      where u.published and u.org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and c.created_at >= ${from} and c.created_at < ${to}`);
    expect(report.participation).toEqual({ rounds: Number(rounds!.count), comments: Number(comments!.count) });
    expect(report.participation).toEqual({ rounds: 1, comments: 2 });
  });

  it('sums model calls, energy and CO2 per model and per month in Europe/Berlin', async () => {
    const rows = await query<{ model_id: string; requests: number; energy: number; co2: number; tokens_in: number }>(sql`
      select model_id, count(*)::int as requests, sum(energy_wh)::float8 as energy, sum(co2e_grams)::float8 as co2, sum(tokens_in)::int as tokens_in from usage_records
      where org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and occurred_at >= ${from} and occurred_at < ${to}
      group by model_id order by model_id`);
    expect(report.models.map((model) => [model.modelId, model.requests, model.energyWh, model.co2eGrams, model.tokensIn]).sort()).toEqual(
      rows.map((row) => [row.model_id, Number(row.requests), Number(row.energy), Number(row.co2), Number(row.tokens_in)]),
    );
    expect(report.models.map((model) => [model.modelId, model.requests])).toEqual([
      ['m-one', 4],
      ['m-two', 2],
    ]);
    const [totals] = await query<{ requests: number; energy: number; co2: number; water: number }>(sql`
      select count(*)::int as requests, sum(energy_wh)::float8 as energy, sum(co2e_grams)::float8 as co2, sum(water_ml)::float8 as water from usage_records
      where org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and occurred_at >= ${from} and occurred_at < ${to}`);
    expect(report.energy.totals).toEqual({ requests: Number(totals!.requests), energyWh: Number(totals!.energy), co2eGrams: Number(totals!.co2), waterMl: Number(totals!.water) });
    const months = Object.fromEntries(report.energy.byMonth.map((month) => [month.month, month.requests]));
    expect(report.energy.byMonth).toHaveLength(12);
    expect(months).toMatchObject({ '2026-01': 1, '2026-02': 0, '2026-03': 3, '2026-07': 2, '2026-12': 0 });
  });

  it('takes incidents and complaints from the accountability source for the same organisations and period', () => {
    expect(report.accountability).toEqual(figures);
    expect(asked.at(-1)).toEqual({ orgIds: expect.arrayContaining(orgIds), from: new Date(from), to: new Date(to) });
    expect(asked.at(-1)!.orgIds).toHaveLength(2);
  });

  it('refuses years before 2020 and in the future', async () => {
    for (const bad of [2019, 2028]) expect((await t.app.inject({ url: `/api/public/transparency/reports/${bad}` })).statusCode).toBe(400);
  });
});

describe('report as HTML and PDF', () => {
  it('renders a self-contained, printable HTML page whose tables hold the same figures', async () => {
    const response = await t.app.inject({ url: `/api/public/transparency/reports/${year}/report.html?org=bericht-a&lang=de` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toBe(`default-src 'none'; style-src ${reportStyleHash}; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html).toContain('<h1>KI-Jahresbericht 2026</h1>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@media print');
    expect(html.match(/<svg [^>]*role="img"/g)!.length).toBeGreaterThanOrEqual(3);
    const row = (label: string, ...cells: string[]) => `<tr><th scope="row">${label}</th>${cells.map((cell) => `<td class="num">${cell}</td>`).join('')}</tr>`;
    expect(html).toContain(row('Hohes Risiko', String(report.useCases.byRiskClass.high)));
    expect(html).toContain(row('Verbotene Praxis', String(report.useCases.byRiskClass.prohibited)));
    expect(html).toContain(row('Noch nicht bewertet', String(report.useCases.byRiskClass.unassessed)));
    expect(html).toContain(row('m-one', '4', '400', '200', '1,00', '0,40'));
    expect(html).toContain(row('2026-03', '3', '0,75', '0,30'));
    expect(html).toContain(row('davon fristgerecht', '3'));
    expect(html).toContain('75,0 % der abgeschlossenen Beschwerden');
    const english = await t.app.inject({ url: `/api/public/transparency/reports/${year}/report.html?org=bericht-a&lang=en` });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain(row('m-one', '4', '400', '200', '1.00', '0.40'));
  });

  it('renders a tagged PDF with the same figures, without a browser', async () => {
    const response = await t.app.inject({ url: `/api/public/transparency/reports/${year}/report.pdf?org=bericht-a` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const pdf = (await t.services.transparency.reports.pdf('bericht-a', year, 'de', { compress: false })).toString('latin1');
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    for (const marker of ['/StructTreeRoot', '/Lang (de-DE)', '/Figure', '/Table', '/TH', '/Alt']) expect(pdf, marker).toContain(marker);
    // pdfkit writes text as hex strings inside TJ arrays; read them back.
    const texts = [...pdf.matchAll(/\[([^\]]*)\] TJ/g)].map((match) => [...match[1]!.matchAll(/<([0-9a-f]+)>/gi)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''));
    for (const expected of ['KI-Jahresbericht 2026', 'Hohes Risiko', 'm-one', '1,00', '0,40', 'davon fristgerecht']) expect(texts, expected).toContain(expected);
  });

  it('says so when no accountability module is connected (the empty default source)', async () => {
    const other = await createTestApp({}, { clock, publicIncidents: emptyIncidentSource });
    try {
      const html = (await other.app.inject({ url: `/api/public/transparency/reports/${year}/report.html?lang=de` })).body;
      expect(html).toContain('Modul für Fehlerkultur und Beschwerdestelle ist nicht angeschlossen');
      expect((await other.app.inject({ url: `/api/public/transparency/reports/${year}` })).json()).toMatchObject({ accountability: null, useCases: { total: 0 } });
    } finally {
      await other.close();
    }
  });
});

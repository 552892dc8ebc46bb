import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { rowsOf } from '../../src/db/connection.js';
import type { YearlyReport } from '../../src/transparency/report/report-data.js';
import { createTestApp, makeOrg, type TestContext } from '../helpers/test-app.js';
import { callerWith } from './transparency-fixtures.js';

/**
 * OPEN-6 with the real accountability module connected (no stand-in source): the yearly report's
 * incident and complaint figures, including complaints decided within their deadline, equal direct
 * database counts.
 */
const clock = manualClock(new Date('2026-01-15T09:00:00Z'));
const year = 2026;
const from = '2026-01-01T00:00:00+01:00';
const to = '2027-01-01T00:00:00+01:00';
let t: TestContext;
let orgIds: string[];
let report: YearlyReport;

async function count(statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await t.services.database.db.execute(statement));
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp({ complaint_pow_bits: 0 }, { clock });
  const A = await makeOrg(t.services, 'rechenschaft-a');
  const A1 = await makeOrg(t.services, 'rechenschaft-a1', A.id);
  const B = await makeOrg(t.services, 'rechenschaft-b');
  orgIds = [A.id, A1.id];
  const { incidents, complaints, publicComplaints } = t.services.accountability;
  const staffOf = (orgId: string) => callerWith(orgId, ['admin'], 'Beschwerdestelle');

  const submit = (org: string, index: number) =>
    publicComplaints.submit(
      { ip: `198.51.100.${index}`, requestId: `report-${index}`, locale: 'de' },
      { org, category: 'ai_decision', subject: `Beschwerde ${index}`, description: 'Ein Bescheid wurde offenbar mit KI geschrieben.' },
    );
  const decide = async (orgId: string, caseNumber: string) => {
    const [row] = (await complaints.list(staffOf(orgId), orgId, { status: 'all' })).filter((item) => item.caseNumber === caseNumber);
    await complaints.changeStatus(staffOf(orgId), orgId, row!.id, { status: 'decided', outcome: 'upheld', message: 'Wir haben den Bescheid korrigiert.' });
  };

  // Three complaints in A and its sub-organisation, one in B (not counted); one decided in time, one late.
  const inTime = await submit('rechenschaft-a', 1);
  const late = await submit('rechenschaft-a1', 2);
  await submit('rechenschaft-a', 3);
  const other = await submit('rechenschaft-b', 4);
  clock.set(new Date('2026-01-20T09:00:00Z'));
  await decide(A.id, inTime.caseNumber);
  await decide(B.id, other.caseNumber);
  clock.set(new Date('2026-04-01T09:00:00Z'));
  await decide(A1.id, late.caseNumber);

  // Two incidents in A: one triaged, resolved and published; one only reported. One in B.
  const report1 = await incidents.report(staffOf(A.id), A.id, { title: 'Falsche Auskunft', description: 'Der Chat nannte falsche Öffnungszeiten.', location: 'Bürgerchat' });
  await incidents.triage(staffOf(A.id), A.id, report1.id, { severity: 'medium' });
  await incidents.resolve(staffOf(A.id), A.id, report1.id, { correction: 'Quelle korrigiert.', lessonsLearned: 'Quellen regelmäßig prüfen.' });
  await incidents.setPublication(staffOf(A.id), A.id, report1.id, { published: true, publicTitle: 'Falsche Öffnungszeiten', publicSummary: 'Der Chat nannte falsche Öffnungszeiten.' });
  await incidents.report(staffOf(A1.id), A1.id, { title: 'Unklarer Text', description: 'Ein Entwurf war missverständlich.', location: 'Protokoll' });
  await incidents.report(staffOf(B.id), B.id, { title: 'Anderswo', description: 'Vorfall einer anderen Organisation.', location: 'Chat' });

  report = await t.services.transparency.reports.build('rechenschaft-a', year);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('yearly report with the accountability module connected', () => {
  it('counts incidents and complaints of the organisation and its sub-organisations, equal to the database', async () => {
    const orgs = sql.join(
      orgIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const complaintsIn = (column: string) => sql`select count(*)::int as n from accountability_complaints where org_id in (${orgs}) and ${sql.raw(column)} >= ${from} and ${sql.raw(column)} < ${to}`;
    const incidentsIn = (column: string) => sql`select count(*)::int as n from accountability_incidents where org_id in (${orgs}) and ${sql.raw(column)} >= ${from} and ${sql.raw(column)} < ${to}`;
    const direct = {
      incidentsRecorded: await count(incidentsIn('created_at')),
      incidentsPublic: await count(sql`${incidentsIn('created_at')} and published_at is not null`),
      incidentsCorrected: await count(incidentsIn('resolved_at')),
      complaintsReceived: await count(complaintsIn('received_at')),
      complaintsClosed: await count(complaintsIn('decided_at')),
      complaintsClosedWithinDeadline: await count(sql`${complaintsIn('decided_at')} and decided_at <= decision_due_at`),
    };
    expect(report.accountability).toEqual(direct);
    // And the figures themselves, so a wrong query on both sides cannot pass.
    expect(report.accountability).toEqual({
      incidentsRecorded: 2,
      incidentsPublic: 1,
      incidentsCorrected: 1,
      complaintsReceived: 3,
      complaintsClosed: 2,
      complaintsClosedWithinDeadline: 1,
    });
  });

  it('states the share of complaints decided within the deadline in the HTML report', async () => {
    const response = await t.app.inject({ url: `/api/public/transparency/reports/${year}/report.html?org=rechenschaft-a&lang=de` });
    expect(response.statusCode).toBe(200);
    const html = response.body.replace(/\s+/g, ' ');
    expect(html).toContain('50,0 % der abgeschlossenen Beschwerden wurden innerhalb der verbindlichen Frist bearbeitet.');
    expect(html).not.toContain('nicht angeschlossen');
  });
});

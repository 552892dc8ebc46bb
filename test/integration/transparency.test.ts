import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { rowsOf } from '../../src/db/connection.js';
import { riskQuestionnaire } from '../../src/transparency/risk/index.js';
import { createTestApp, makeOrg, makeUser, Session, type TestContext } from '../helpers/test-app.js';
import { answers, useCaseInput } from './transparency-fixtures.js';

const DAY = 86_400_000;
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let t: TestContext;
let orgId: string;
let childId: string;
const people: Record<'staff' | 'member' | 'reviewer' | 'memberB', { email: string; password: string }> = {} as never;
const sessions: Partial<Record<keyof typeof people, Session>> = {};

/** Sessions end after 12 idle hours; tests that move the clock by days log in again. */
async function as(who: keyof typeof people): Promise<Session> {
  sessions[who] ??= await Session.login(t.app, people[who].email, people[who].password);
  return sessions[who]!;
}
function relogin() {
  for (const key of Object.keys(sessions)) delete sessions[key as keyof typeof people];
}

async function createUseCase(overrides = {}, org = orgId) {
  const response = await (await as('staff')).request('POST', `/api/orgs/${org}/transparency/use-cases`, useCaseInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; status: string; version: number; published: boolean; risk: unknown }>();
}

async function assess(id: string, wizardAnswers: object) {
  return (await as('staff')).request('POST', `/api/transparency/use-cases/${id}/assessments`, { answers: wizardAnswers });
}

async function setStatus(id: string, status: string) {
  return (await as('staff')).request('POST', `/api/transparency/use-cases/${id}/status`, { status });
}

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  const org = await makeOrg(t.services, 'transparenz-a');
  const child = await makeOrg(t.services, 'transparenz-a1', org.id);
  const foreign = await makeOrg(t.services, 'transparenz-b');
  orgId = org.id;
  childId = child.id;
  people.staff = await makeUser(t.services, orgId, ['staff']);
  people.member = await makeUser(t.services, orgId, ['member']);
  people.reviewer = await makeUser(t.services, orgId, ['reviewer']);
  people.memberB = await makeUser(t.services, foreign.id, ['member']);
});
afterAll(async () => t?.close());

describe('register entries (CRUD)', () => {
  it('creates a planned, unpublished draft with defaults, lists it with the child organisations, and reads it', async () => {
    const created = await createUseCase({ department: 'Amt für Soziales', internalNotes: 'Budget offen' });
    expect(created).toMatchObject({ status: 'planned', published: false, version: 1, risk: null, department: 'Amt für Soziales', internalNotes: 'Budget offen' });
    const inChild = await createUseCase({}, childId);
    const list = (await (await as('member')).request('GET', `/api/orgs/${orgId}/transparency/use-cases`)).json<{ id: string }[]>();
    expect(list.map((entry) => entry.id)).toEqual(expect.arrayContaining([created.id, inChild.id]));
    const read = await (await as('member')).request('GET', `/api/transparency/use-cases/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: created.id, organisation: 'Org transparenz-a' });
  });

  it('lets members read but not write, and keeps other organisations out', async () => {
    const created = await createUseCase();
    expect((await (await as('member')).request('PATCH', `/api/transparency/use-cases/${created.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await (await as('reviewer')).request('POST', `/api/orgs/${orgId}/transparency/use-cases`, useCaseInput())).statusCode).toBe(403);
    expect((await (await as('memberB')).request('GET', `/api/transparency/use-cases/${created.id}`)).statusCode).toBe(403);
    expect((await (await as('memberB')).request('GET', `/api/orgs/${orgId}/transparency/use-cases`)).statusCode).toBe(403);
  });

  it('rejects invalid fields with problem details naming them', async () => {
    const response = await (await as('staff')).request('POST', `/api/orgs/${orgId}/transparency/use-cases`, useCaseInput({ contact: 'keine adresse', name: '' }));
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path);
    expect(paths.join(' ')).toContain('contact');
    expect(paths.join(' ')).toContain('name');
  });

  it('updates with optimistic versions and never changes the status through PATCH', async () => {
    const created = await createUseCase();
    const staff = await as('staff');
    const updated = await staff.request('PATCH', `/api/transparency/use-cases/${created.id}`, { summary: 'Neu gefasst.', published: true, expectedVersion: 1, status: 'in_use' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ summary: 'Neu gefasst.', published: true, version: 2, status: 'planned' });
    const stale = await staff.request('PATCH', `/api/transparency/use-cases/${created.id}`, { summary: 'Veraltet.', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ reason: 'version_conflict' });
  });

  it('deletes drafts only; an entry that went live is retired and stays', async () => {
    const draft = await createUseCase();
    expect((await (await as('staff')).request('DELETE', `/api/transparency/use-cases/${draft.id}`)).statusCode).toBe(204);
    expect((await (await as('staff')).request('GET', `/api/transparency/use-cases/${draft.id}`)).statusCode).toBe(404);
    const live = await createUseCase();
    await assess(live.id, answers.minimal());
    expect((await setStatus(live.id, 'in_use')).statusCode).toBe(200);
    expect((await setStatus(live.id, 'retired')).json()).toMatchObject({ status: 'retired', retiredOn: '2026-03-02' });
    expect((await setStatus(live.id, 'planned')).statusCode).toBe(200);
    const refused = await (await as('staff')).request('DELETE', `/api/transparency/use-cases/${live.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'use_case_not_deletable' });
  });

  it('writes an audit entry for every change', async () => {
    const created = await createUseCase();
    await (await as('staff')).request('PATCH', `/api/transparency/use-cases/${created.id}`, { name: 'Umbenannt' });
    const actions = rowsOf<{ action: string }>(
      await t.services.database.db.execute(sql`select action from audit_log where target_id = ${created.id} order by seq`),
    ).map((row) => row.action);
    expect(actions).toEqual(['transparency.use_case.create', 'transparency.use_case.update']);
  });
});

describe('going live (OPEN-2, RIGHTS-3)', () => {
  it('refuses pilot or use without a risk assessment', async () => {
    const created = await createUseCase();
    for (const status of ['pilot', 'in_use']) {
      const response = await setStatus(created.id, status);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ reason: 'risk_assessment_missing' });
    }
  });

  it.each([
    ['a prohibited practice (social scoring)', answers.socialScoring, 'prohibited', 'prohibited-practice'],
    ['monitoring or scoring staff or members', answers.staffScoring, 'minimal', 'staff-member-scoring'],
  ])('never lets %s go to pilot or use through the API', async (_name, wizardAnswers, riskClass, code) => {
    const created = await createUseCase();
    const stored = await assess(created.id, wizardAnswers());
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()).toMatchObject({ result: { riskClass, blocksGoLive: true } });
    for (const status of ['pilot', 'in_use']) {
      const response = await setStatus(created.id, status);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'POLICY_DENIED', reason: 'go_live_blocked' });
      expect(response.json<{ blockReasons: { code: string }[] }>().blockReasons.map((reason) => reason.code)).toContain(code);
    }
    expect((await (await as('staff')).request('GET', `/api/transparency/use-cases/${created.id}`)).json()).toMatchObject({ status: 'planned', blocksGoLive: true });
  });

  it('lets an assessed, unblocked application go to pilot and use, and records the start date', async () => {
    const created = await createUseCase();
    await assess(created.id, answers.chatbot());
    expect((await setStatus(created.id, 'pilot')).json()).toMatchObject({ status: 'pilot', startedOn: '2026-03-02', risk: { riskClass: 'limited' } });
    expect((await setStatus(created.id, 'in_use')).json()).toMatchObject({ status: 'in_use' });
  });

  it('takes a live application back to planned when a new assessment finds a prohibited practice', async () => {
    const created = await createUseCase();
    await assess(created.id, answers.minimal());
    await setStatus(created.id, 'in_use');
    const reassessed = await assess(created.id, answers.socialScoring());
    expect(reassessed.json()).toMatchObject({ version: 2, suspended: true });
    expect((await (await as('staff')).request('GET', `/api/transparency/use-cases/${created.id}`)).json()).toMatchObject({ status: 'planned', risk: { riskClass: 'prohibited' } });
    const actions = rowsOf<{ action: string }>(await t.services.database.db.execute(sql`select action from audit_log where target_id = ${created.id} order by seq`)).map((row) => row.action);
    expect(actions).toContain('transparency.use_case.suspended');
  });

  it('holds in the database too: a blocked or unassessed row cannot be written as live', async () => {
    const blocked = await createUseCase();
    await assess(blocked.id, answers.socialScoring());
    const unassessed = await createUseCase();
    for (const id of [blocked.id, unassessed.id]) {
      await expect(t.services.database.db.execute(sql`update transparency_use_cases set status = 'in_use' where id = ${id}`)).rejects.toThrow();
    }
  });
});

describe('risk assessments are versioned (DECIDE-1)', () => {
  it('stores every version with its answers and result; the latest sets the class', async () => {
    const created = await createUseCase();
    for (const wizardAnswers of [answers.minimal(), answers.cvScreening(), answers.chatbot()]) expect((await assess(created.id, wizardAnswers)).statusCode).toBe(201);
    const versions = (await (await as('member')).request('GET', `/api/transparency/use-cases/${created.id}/assessments`)).json<
      { version: number; questionnaireVersion: string; answers: Record<string, unknown>; result: { riskClass: string; reasons: unknown[]; obligations: unknown[] }; createdBy: string }[]
    >();
    expect(versions.map((version) => [version.version, version.result.riskClass])).toEqual([
      [1, 'minimal'],
      [2, 'high'],
      [3, 'limited'],
    ]);
    expect(versions[1]!.answers).toEqual(answers.cvScreening());
    expect(versions[1]!.result.obligations.length).toBeGreaterThan(0);
    expect(versions.every((version) => version.questionnaireVersion === riskQuestionnaire.version && version.createdBy === people.staff.email)).toBe(true);
    expect((await (await as('member')).request('GET', `/api/transparency/use-cases/${created.id}`)).json()).toMatchObject({ riskVersion: 3, risk: { riskClass: 'limited' } });
  });

  it('refuses incomplete answers, names the missing questions and stores nothing', async () => {
    const created = await createUseCase();
    const response = await assess(created.id, { role: 'deployer' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ reason: 'risk_answers_invalid' });
    expect(response.json<{ missing: string[] }>().missing.length).toBeGreaterThan(0);
    expect((await (await as('staff')).request('GET', `/api/transparency/use-cases/${created.id}/assessments`)).json()).toEqual([]);
  });

  it('walks the wizard step by step and drops answers the flow no longer asks for', async () => {
    const staff = await as('member');
    const first = (await staff.request('POST', '/api/transparency/risk/evaluate', { answers: {} })).json<{ next: { id: string }; assessment: null }>();
    expect(first.next.id).toBe(riskQuestionnaire.questions[0]!.id);
    expect(first.assessment).toBeNull();
    const stale = { ...answers.socialScoring(), 'art50-direct-interaction': 'yes' };
    const done = (await staff.request('POST', '/api/transparency/risk/evaluate', { answers: stale })).json<{ next: null; answers: Record<string, unknown>; assessment: { riskClass: string } }>();
    expect(done.next).toBeNull();
    expect(done.answers).not.toHaveProperty('art50-direct-interaction');
    expect(done.assessment.riskClass).toBe('prohibited');
    const questionnaire = (await staff.request('GET', '/api/transparency/questionnaire')).json<{ version: string; questions: unknown[] }>();
    expect(questionnaire.questions.length).toBe(riskQuestionnaire.questions.length);
  });
});

describe('participation (OPEN-5)', () => {
  it('opens a planned application for a set period; comments only inside it, replies kept and shown', async () => {
    clock.set(new Date('2026-04-01T08:00:00Z'));
    relogin();
    const created = await createUseCase();
    await assess(created.id, answers.minimal());
    const staff = await as('staff');
    const member = await as('member');
    const round = await staff.request('POST', `/api/transparency/use-cases/${created.id}/participation`, {
      invitation: 'Bitte kommentieren Sie den geplanten Einsatz bis zum 15. April.',
      opensAt: '2026-04-02T00:00:00Z',
      closesAt: '2026-04-15T00:00:00Z',
    });
    expect(round.statusCode, round.body).toBe(201);
    expect(round.json()).toMatchObject({ state: 'upcoming' });
    const early = await member.request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'Zu früh', capacity: 'member' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: 'participation_closed' });

    clock.set(new Date('2026-04-05T10:00:00Z'));
    relogin();
    const comment = await (await as('member')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'Wer prüft die Entwürfe?', capacity: 'staff_representative' });
    expect(comment.statusCode, comment.body).toBe(201);
    const commentId = comment.json<{ id: string }>().id;
    expect((await (await as('member')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'x', capacity: 'responsible' })).statusCode).toBe(403);
    expect((await (await as('memberB')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'x', capacity: 'member' })).statusCode).toBe(403);
    const goLive = await setStatus(created.id, 'pilot');
    expect(goLive.statusCode).toBe(409);
    expect(goLive.json()).toMatchObject({ reason: 'participation_open' });
    expect((await (await as('member')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'Eine Nachfrage.', capacity: 'member', parentId: commentId })).statusCode).toBe(201);

    clock.set(new Date('2026-04-20T10:00:00Z'));
    relogin();
    const late = await (await as('member')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'Zu spät', capacity: 'member' });
    expect(late.statusCode).toBe(409);
    expect((await (await as('member')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'Zu spät', capacity: 'member', parentId: commentId })).statusCode).toBe(409);
    const answer = await (await as('staff')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'Sachbearbeitende prüfen jeden Entwurf.', capacity: 'responsible', parentId: commentId });
    expect(answer.statusCode, answer.body).toBe(201);

    const rounds = (await (await as('member')).request('GET', `/api/transparency/use-cases/${created.id}/participation`)).json<
      { state: string; comments: { body: string; capacity: string; authorName: string; replies: { body: string; capacity: string }[] }[] }[]
    >();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.state).toBe('closed');
    expect(rounds[0]!.comments).toHaveLength(1);
    expect(rounds[0]!.comments[0]).toMatchObject({ body: 'Wer prüft die Entwürfe?', capacity: 'staff_representative' });
    expect(rounds[0]!.comments[0]!.replies.map((reply) => [reply.capacity, reply.body])).toEqual([
      ['member', 'Eine Nachfrage.'],
      ['responsible', 'Sachbearbeitende prüfen jeden Entwurf.'],
    ]);
    expect((await setStatus(created.id, 'pilot')).statusCode).toBe(200);
  });

  it('accepts only planned applications, one round at a time, at most 90 days, and can end a round early', async () => {
    clock.set(new Date('2026-05-01T08:00:00Z'));
    relogin();
    const created = await createUseCase();
    const staff = await as('staff');
    const url = `/api/transparency/use-cases/${created.id}/participation`;
    const period = (days: number) => ({ invitation: 'Bitte kommentieren.', closesAt: new Date(clock.now().getTime() + days * DAY).toISOString() });
    expect((await staff.request('POST', url, period(91))).statusCode).toBe(400);
    expect((await staff.request('POST', url, period(-1))).statusCode).toBe(400);
    const round = (await staff.request('POST', url, period(14))).json<{ id: string; state: string }>();
    expect(round.state).toBe('open');
    expect((await staff.request('POST', url, period(20))).json()).toMatchObject({ reason: 'participation_overlap' });
    expect((await (await as('member')).request('POST', url, period(5))).statusCode).toBe(403);
    const closed = await staff.request('POST', `${url}/${round.id}/close`);
    expect(closed.json()).toMatchObject({ state: 'closed' });
    expect((await (await as('member')).request('POST', `/api/transparency/use-cases/${created.id}/comments`, { body: 'x', capacity: 'member' })).statusCode).toBe(409);

    const live = await createUseCase();
    await assess(live.id, answers.minimal());
    await setStatus(live.id, 'pilot');
    expect((await staff.request('POST', `/api/transparency/use-cases/${live.id}/participation`, period(10))).json()).toMatchObject({ reason: 'participation_needs_planned' });
  });
});

describe('internal export', () => {
  it('gives staff every field, including internal notes, as JSON and CSV', async () => {
    await createUseCase({ internalNotes: 'NUR-INTERN-EXPORT' });
    const json = await (await as('member')).request('GET', `/api/orgs/${orgId}/transparency/export`);
    expect(json.body).toContain('NUR-INTERN-EXPORT');
    const csv = await (await as('member')).request('GET', `/api/orgs/${orgId}/transparency/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('internalNotes');
    expect(csv.body).toContain('NUR-INTERN-EXPORT');
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCaller } from '../../src/cli/admin-commands.js';
import { manualClock } from '../../src/core/clock.js';
import { rowsOf } from '../../src/db/connection.js';
import { auditLog } from '../../src/audit/schema.js';
import { usageRecords } from '../../src/gateway/schema.js';
import { RETENTION_JOB } from '../../src/workspace/index.js';
import { workspaceConversations, workspaceMessages } from '../../src/workspace/schema.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeOrg, type Session } from '../helpers/test-app.js';
import { eventsOf, loginAs } from './workspace-helpers.js';

const DAY = 86_400_000;
const clock = manualClock(new Date('2026-03-01T12:00:00Z'));
const now = clock.now().getTime();
let f: GatewayFixture;

beforeAll(async () => {
  f = await createGatewayFixture({ seed_catalogue: false }, { clock });
  await f.addModel('chat-model');
});
afterAll(async () => f?.closeAll());

/** A conversation with one question and answer, last active `daysAgo` days before now. */
async function conversationAt(session: Session, orgId: string, daysAgo: number, question = `Frage von vor ${daysAgo} Tagen`): Promise<string> {
  clock.set(new Date(now - daysAgo * DAY));
  try {
    const id = (await session.request('POST', '/api/workspace/conversations', { orgId })).json<{ id: string }>().id;
    const events = eventsOf(await session.request('POST', `/api/workspace/conversations/${id}/messages`, { content: question }));
    expect(events.at(-1)!.type).toBe('done');
    return id;
  } finally {
    clock.set(new Date(now));
  }
}

async function usageTexts() {
  await f.services.recorder.flush();
  const rows = await f.services.database.db.select().from(usageRecords);
  return new Map(rows.filter((row) => row.conversationId).map((row) => [row.conversationId!, row.promptText !== null]));
}

describe('retention', () => {
  it('keeps periods per organisation; a chapter may shorten the period above it, never extend it', async () => {
    const parent = await makeOrg(f.services, 'ret-parent');
    const child = await makeOrg(f.services, 'ret-child', parent.id);
    const dpo = await loginAs(f, parent.id, ['dpo']);
    expect((await dpo.session.request('PUT', `/api/workspace/retention/${parent.id}`, { days: 30 })).json()).toMatchObject({ days: 30, effectiveDays: 30, inheritedFrom: null });
    expect((await dpo.session.request('GET', `/api/workspace/retention/${child.id}`)).json()).toEqual({
      orgId: child.id,
      days: null,
      effectiveDays: 30,
      inheritedFrom: { id: parent.id, name: parent.name },
      maximumDays: 30,
    });
    const looser = await dpo.session.request('PUT', `/api/workspace/retention/${child.id}`, { days: 40 });
    expect(looser.statusCode).toBe(400);
    expect(looser.json()).toMatchObject({ reason: 'retention_looser_than_parent' });
    expect((await dpo.session.request('PUT', `/api/workspace/retention/${child.id}`, { days: 7 })).json()).toMatchObject({ days: 7, effectiveDays: 7, inheritedFrom: null });
    expect((await dpo.session.request('PUT', `/api/workspace/retention/${child.id}`, { days: null })).json()).toMatchObject({ days: null, effectiveDays: 30 });
  });

  it('the job deletes exactly the expired conversations and expired prompt texts, nothing else', async () => {
    const P = await makeOrg(f.services, 'ret-p');
    const P1 = await makeOrg(f.services, 'ret-p1', P.id);
    const P2 = await makeOrg(f.services, 'ret-p2', P.id);
    const Q = await makeOrg(f.services, 'ret-q');
    // P keeps conversations 30 days, P1 tightens to 7, P2 inherits 30, Q keeps them until people delete them.
    await f.services.orgs.updateSettings(cliCaller(), P.id, { conversationRetention: { days: 30 }, retention: { storePrompts: true, days: 10 } });
    await f.services.orgs.updateSettings(cliCaller(), P1.id, { conversationRetention: { days: 7 }, retention: { storePrompts: true, days: 10 } });
    await f.services.orgs.updateSettings(cliCaller(), P2.id, { retention: { storePrompts: true, days: 10 } });
    await f.services.orgs.updateSettings(cliCaller(), Q.id, { retention: { storePrompts: true, days: 365 } });
    const user = await loginAs(f, P.id, ['staff']);
    await f.services.users.create(cliCaller(), Q.id, { email: user.email, displayName: 'x', roles: ['staff'] });
    const session = user.session;

    const expired = {
      p31: await conversationAt(session, P.id, 31),
      p1_8: await conversationAt(session, P1.id, 8),
      p2_31: await conversationAt(session, P2.id, 31),
    };
    const kept = {
      p29: await conversationAt(session, P.id, 29),
      pExactly30: await conversationAt(session, P.id, 30),
      p5: await conversationAt(session, P.id, 5),
      p1_6: await conversationAt(session, P1.id, 6),
      p2_20: await conversationAt(session, P2.id, 20),
      q400: await conversationAt(session, Q.id, 400),
    };
    const textsBefore = await usageTexts();
    expect([...Object.values(expired), ...Object.values(kept)].every((id) => textsBefore.get(id) === true)).toBe(true);
    const allUsage = (await f.services.database.db.select().from(usageRecords)).length;

    await f.services.jobs.start();
    const job = await f.services.jobs.enqueue(f.services.database.db, { type: RETENTION_JOB, orgId: (await f.services.orgs.root())!.id, createdBy: 'test' });
    const finished = await f.services.jobs.waitFor(job.id);
    await f.services.jobs.stop();
    expect(finished.status).toBe('succeeded');
    // Prompt texts: those of the 3 deleted conversations; P, P1 and P2 keep them 10 days (29, 30 and 20 days
    // old expire), Q 365 days (the 400-day-old one expires).
    expect(finished.result).toEqual({ conversations: 3, clearedTexts: 3 + 3 + 1 });

    const remaining = (await f.services.database.db.select({ id: workspaceConversations.id }).from(workspaceConversations)).map((row) => row.id);
    for (const id of Object.values(expired)) expect(remaining).not.toContain(id);
    for (const id of Object.values(kept)) expect(remaining).toContain(id);
    for (const id of Object.values(expired)) expect(await f.services.database.db.select().from(workspaceMessages).where(eq(workspaceMessages.conversationId, id))).toEqual([]);
    for (const id of Object.values(kept)) expect(await f.services.database.db.select().from(workspaceMessages).where(eq(workspaceMessages.conversationId, id))).toHaveLength(2);

    const textsAfter = await usageTexts();
    expect(Object.fromEntries(Object.entries(kept).map(([name, id]) => [name, textsAfter.get(id)]))).toEqual({ p29: false, pExactly30: false, p5: true, p1_6: true, p2_20: false, q400: false });
    for (const id of Object.values(expired)) expect(textsAfter.get(id)).toBe(false);
    expect((await f.services.database.db.select().from(usageRecords)).length).toBe(allUsage);

    const [entry] = await f.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'workspace.retention.run'));
    expect(entry!.metadata).toEqual({ conversations: 3, clearedTexts: 7 });
    expect(await f.services.workspace.dataRights.runRetention()).toEqual({ conversations: 0, clearedTexts: 0 });
  });
});

describe('my data', () => {
  it('exports everything of mine as JSON, and nothing of anyone else', async () => {
    const org = await makeOrg(f.services, 'export-org');
    const other = await makeOrg(f.services, 'export-other');
    const alice = await loginAs(f, org.id, ['member']);
    await f.services.users.create(cliCaller(), other.id, { email: alice.email, displayName: 'x', roles: ['member'] });
    const bob = await loginAs(f, org.id, ['member']);
    const first = await conversationAt(alice.session, org.id, 0, 'Alices erste Frage');
    const second = await conversationAt(alice.session, other.id, 0, 'Alices zweite Frage');
    await conversationAt(bob.session, org.id, 0, 'Bobs Frage');

    const response = await alice.session.request('GET', '/api/workspace/my-data');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="leitplanke-meine-daten-2026-03-01\.json"$/);
    const data = response.json<{ format: string; person: { email: string }; conversations: { id: string; messages: { content: string }[] }[]; modelCalls: { conversationId: string; purpose: string }[] }>();
    expect(data.format).toBe('leitplanke-personal-data/1');
    expect(data.person.email).toBe(alice.email);
    expect(data.conversations.map((conversation) => conversation.id).sort()).toEqual([first, second].sort());
    expect(data.conversations.find((conversation) => conversation.id === first)!.messages.map((message) => message.content)).toEqual(['Alices erste Frage', 'Echo: Alices erste Frage']);
    expect(data.modelCalls.map((call) => call.conversationId).sort()).toEqual([first, second].sort());
    expect(JSON.stringify(data)).not.toContain('Bobs Frage');
  });

  it('deletes all my data: no table holds my text afterwards; other people keep theirs', async () => {
    const org = await makeOrg(f.services, 'erase-org');
    await f.services.orgs.updateSettings(cliCaller(), org.id, { retention: { storePrompts: true, days: 90 } });
    const alice = await loginAs(f, org.id, ['staff']);
    const bob = await loginAs(f, org.id, ['staff']);
    await conversationAt(alice.session, org.id, 1, 'Zitronenfalter im Entwurf');
    await conversationAt(alice.session, org.id, 0, 'Noch ein Zitronenfalter');
    const bobs = await conversationAt(bob.session, org.id, 0, 'Bobs Kohlweißling');
    await f.services.recorder.flush();
    expect(await tablesContaining('Zitronenfalter')).toEqual(expect.arrayContaining(['usage_records', 'workspace_conversations', 'workspace_messages']));

    const response = await alice.session.request('DELETE', '/api/workspace/my-data');
    // The knowledge base's personal collections join the erasure (Alice has none here).
    expect(response.json()).toEqual({ conversations: 2, clearedTexts: 2, knowledge: 0 });
    expect(await tablesContaining('Zitronenfalter')).toEqual([]);
    expect((await alice.session.request('GET', '/api/workspace/conversations')).json()).toEqual([]);
    expect(await tablesContaining('Kohlweißling')).toEqual(expect.arrayContaining(['usage_records', 'workspace_messages']));
    expect((await bob.session.request('GET', `/api/workspace/conversations/${bobs}`)).statusCode).toBe(200);
    const usage = await f.services.database.db.select().from(usageRecords).where(eq(usageRecords.userId, alice.userId));
    expect(usage).toHaveLength(2);
    expect(usage.every((row) => row.promptText === null && row.outputText === null && row.energyWh > 0)).toBe(true);
  });
});

/** Every table of the database whose rows contain `marker` anywhere (as text). */
async function tablesContaining(marker: string): Promise<string[]> {
  const { db } = f.services.database;
  const tables = rowsOf<{ table_name: string }>(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`));
  const found: string[] = [];
  for (const { table_name } of tables) {
    const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from ${sql.identifier(table_name)} t where t::text like ${`%${marker}%`}`));
    if (Number(row!.n) > 0) found.push(table_name);
  }
  return found;
}

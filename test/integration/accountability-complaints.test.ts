import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { solveChallenge } from '../../src/accountability/proof-of-work.js';
import { createTestApp, makeUser, Session, type TestContext } from '../helpers/test-app.js';
import { startMailServer, type MailServer } from './accountability-mail-server.js';
import type { ParsedMail } from 'mailparser';

/** OPEN-4: the public form and status page, deadlines, escalation, e-mail through a real SMTP server. */
const clock = manualClock(new Date('2026-01-15T09:00:00Z')); // a Thursday
const DAY = 86_400_000;
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let t: TestContext;
let smtp: MailServer;
let handler: { id: string; email: string; password: string };
let admin: { id: string; email: string; password: string };
let rootId: string;

type Submitted = { caseNumber: string; token: string; statusPath: string; acknowledgeDueDate: string; decisionDueDate: string; emailSent: boolean };

async function solved(ip = '198.51.100.1') {
  const response = await t.app.inject({ method: 'GET', url: '/api/public/complaints/challenge', remoteAddress: ip });
  expect(response.statusCode, response.body).toBe(200);
  const { challenge, bits } = response.json<{ challenge: string; bits: number }>();
  return { challenge, nonce: solveChallenge(challenge, bits) };
}

/** Codes are only returned at submission; the tests remember them by case number. */
const tokens = new Map<string, string>();

async function submit(body: Record<string, unknown>, ip = '198.51.100.1', pow?: { challenge: string; nonce: string }): Promise<LightMyRequestResponse> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/public/complaints',
    remoteAddress: ip,
    headers: { 'accept-language': 'de' },
    payload: {
      category: 'ai_decision',
      subject: 'Bescheid ohne Hinweis auf KI',
      description: 'Mein Antrag wurde mit einem Text beschieden, der offenbar von einer KI geschrieben wurde.',
      ...(pow ?? (await solved(ip))),
      ...body,
    },
  });
  if (response.statusCode === 201) tokens.set(response.json<Submitted>().caseNumber, response.json<Submitted>().token);
  return response;
}

const status = (token: string, ip = '198.51.100.1') => t.app.inject({ method: 'POST', url: '/api/public/complaints/status', remoteAddress: ip, payload: { token } });

beforeAll(async () => {
  smtp = await startMailServer();
  t = await createTestApp({ smtp_url: smtp.url, mail_from: 'Beschwerdestelle <beschwerde@partei.example>', complaint_pow_bits: 8, public_url: 'https://ki.partei.example' }, { clock });
  await t.services.jobs.start();
  rootId = (await t.services.orgs.root())!.id;
  handler = await makeUser(t.services, rootId, ['staff']);
  admin = await makeUser(t.services, rootId, ['admin']);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the public complaint form', () => {
  let first: Submitted;

  it('tells people the recipient, deadlines and file limits before they write', async () => {
    const form = (await t.app.inject({ url: '/api/public/complaints/form' })).json();
    expect(form).toMatchObject({ organisation: { slug: 'root' }, acknowledgeDays: 7, decisionDays: 30, dayCount: 'calendar', maxAttachments: 5, emailNotifications: true });
    expect((await t.app.inject({ url: '/api/public/complaints/form?org=gibt-es-nicht' })).statusCode).toBe(404);
  });

  it('accepts a complaint without an account and answers with a case number, a secret code and the deadlines', async () => {
    const response = await submit({ contactName: 'Alex Beispiel', contactEmail: 'alex@buerger.example', attachments: [{ fileName: 'bescheid.png', contentBase64: png.toString('base64') }] });
    expect(response.statusCode, response.body).toBe(201);
    first = response.json<Submitted>();
    expect(first.caseNumber).toMatch(/^B-2026-\d{5}$/);
    expect(first.token).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(first.statusPath).toBe(`/beschwerde/status#${first.token}`);
    // Received Thursday 15 January: 7 days end Thursday 22 January; 30 days end on Saturday 14 February → Monday 16 February.
    expect(first).toMatchObject({ acknowledgeDueDate: '2026-01-22', decisionDueDate: '2026-02-16', emailSent: true });
  });

  it('stores only a hash of the code, and the attachment outside the web root', async () => {
    const { accountabilityComplaints, accountabilityAttachments } = await import('../../src/accountability/schema.js');
    const [row] = await t.services.database.db.select().from(accountabilityComplaints);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await t.services.database.db.execute('select * from accountability_complaints, jobs'));
    expect(dump).not.toContain(first.token.replace(/-/g, ''));
    expect(dump).not.toContain(first.token);
    const [file] = await t.services.database.db.select().from(accountabilityAttachments);
    expect(file).toMatchObject({ fileName: 'bescheid.png', mediaType: 'image/png', sizeBytes: png.length });
    const stored = path.join(t.dataDir, 'accountability', 'attachments', file!.storagePath);
    expect(readFileSync(stored).equals(png)).toBe(true);
    expect(path.basename(stored)).not.toContain('.');
  });

  it('sends the complainant a confirmation with the status link, and the handlers a notice', async () => {
    const sentTo = (address: string) => (mail: ParsedMail) => smtp.to(address).includes(mail);
    const confirmation = await smtp.waitForMail(sentTo('alex@buerger.example'));
    expect(confirmation!.from!.text).toContain('beschwerde@partei.example');
    expect(confirmation!.subject).toBe(`Ihre Beschwerde ${first.caseNumber} / Your complaint ${first.caseNumber}`);
    expect(confirmation!.text).toContain(`https://ki.partei.example/beschwerde/status#${first.token}`);
    expect(confirmation!.text).toContain('Eingangsbestätigung bis: 22.01.2026');
    expect(confirmation!.text).toContain('Entscheidung bis: 16.02.2026');
    expect(confirmation!.text).toContain('Decision by: 16 Feb 2026');
    const notice = await smtp.waitForMail(sentTo(handler.email));
    expect(notice!.subject).toBe(`Neue Beschwerde ${first.caseNumber} / New complaint ${first.caseNumber}`);
    expect(notice!.text).toContain('Bescheid ohne Hinweis auf KI');
    expect(notice!.text).toContain('https://ki.partei.example/beschwerden?beschwerde=');
    expect(notice!.text).not.toContain(first.token);
    // The member of staff sees it in the product as well.
    const session = await Session.login(t.app, handler.email, handler.password);
    expect((await session.request('GET', '/api/notifications')).json<{ items: { kind: string }[] }>().items.map((item) => item.kind)).toContain('complaint.received');
  });

  it('shows the state for the code as typed, with the message of every step', async () => {
    const response = await status(first.token.toLowerCase().replace(/-/g, ' '));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      caseNumber: first.caseNumber,
      status: 'received',
      acknowledge: { dueDate: '2026-01-22', doneAt: null, overdue: false },
      decision: { dueDate: '2026-02-16' },
      events: [{ status: 'received', message: { de: expect.stringContaining('bis zum 22.01.2026') } }],
      attachments: [{ fileName: 'bescheid.png' }],
    });
    expect(response.body).not.toContain('alex@buerger.example');
  });

  it('refuses without a solved challenge, with a reused one, and robots that fill the hidden field', async () => {
    expect((await submit({ nonce: 'zzzz' })).json()).toMatchObject({ status: 400 });
    expect((await submit({ challenge: 'erfunden', nonce: '1' })).json()).toMatchObject({ status: 400, reason: 'challenge_malformed' });
    const pow = await solved('198.51.100.2');
    expect((await submit({}, '198.51.100.2', pow)).statusCode).toBe(201);
    expect((await submit({}, '198.51.100.2', pow)).json()).toMatchObject({ status: 400, reason: 'challenge_used' });
    expect((await submit({ website: 'https://spam.example' }, '198.51.100.2')).json()).toMatchObject({ status: 400, reason: 'challenge_failed' });
  });

  it('checks attachments by content, not by name, and limits their size', async () => {
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const disguised = await submit({ attachments: [{ fileName: 'foto.png', contentBase64: executable.toString('base64') }] }, '198.51.100.3');
    expect(disguised.json()).toMatchObject({ status: 400, reason: 'attachment_rejected', errors: [{ path: 'attachments.0' }] });
    const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await submit({ attachments: [{ fileName: 'gross.png', contentBase64: big.toString('base64') }] }, '198.51.100.3');
    expect(tooBig.json()).toMatchObject({ status: 400, reason: 'attachment_rejected', detail: expect.stringContaining('zu groß') });
    const pdf = Buffer.from('%PDF-1.4\n%äöüß\n1 0 obj << >> endobj\n');
    expect((await submit({ attachments: [{ fileName: 'bescheid', contentBase64: pdf.toString('base64') }] }, '198.51.100.3')).statusCode).toBe(201);
  });

  it('limits how many complaints one address can send', async () => {
    const ip = '198.51.100.4';
    for (let index = 0; index < 5; index++) expect((await submit({}, ip)).statusCode).toBe(201);
    const sixth = await submit({}, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBeDefined();
  });
});

describe('wrong or guessed status codes', () => {
  it('get nothing, the same answer for every kind of wrong, and are throttled per address', async () => {
    const ip = '203.0.113.7';
    const [{ token }] = [(await submit({}, '198.51.100.5')).json<Submitted>()];
    const guesses = ['', 'abc', 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', token.slice(0, -1) + (token.endsWith('0') ? '1' : '0'), `${token}-0000`];
    const answers = [];
    for (const guess of guesses) answers.push(await status(guess, ip));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ reason: 'status_not_found' });
      expect(answer.body).not.toContain('B-2026');
    }
    for (let index = guesses.length; index < 10; index++) expect((await status(`XXXX-XXXX-XXXX-XXXX-XXXX-XX${String(index).padStart(2, '0')}`, ip)).statusCode).toBe(404);
    // Blocked now, even for the right code; other addresses are not affected.
    const blocked = await status(token, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ reason: 'status_throttled' });
    expect(blocked.body).not.toContain('B-2026');
    expect((await status(token, '203.0.113.8')).statusCode).toBe(200);
    clock.advance(16 * 60_000);
    expect((await status(token, ip)).statusCode).toBe(200);
  });
});

describe('the complaint office', () => {
  let complaintId: string;
  let token: string;
  let session: Session;

  beforeAll(async () => {
    const submitted = (await submit({ subject: 'Falsche Auskunft des Chatbots', contactEmail: 'kim@buerger.example' }, '198.51.100.6')).json<Submitted>();
    token = submitted.token;
    session = await Session.login(t.app, handler.email, handler.password);
    const queue = (await session.request('GET', `/api/orgs/${rootId}/complaints`)).json<{ id: string; caseNumber: string }[]>();
    complaintId = queue.find((entry) => entry.caseNumber === submitted.caseNumber)!.id;
  });

  it('lists open complaints with deadline clocks, most urgent first, without the secret', async () => {
    const response = await session.request('GET', `/api/orgs/${rootId}/complaints`);
    const queue = response.json<{ caseNumber: string; clocks: { acknowledge: { daysLeft: number; overdue: boolean } }; receivedAt: string }[]>();
    expect(queue.length).toBeGreaterThanOrEqual(10);
    expect(response.body).not.toContain('tokenHash');
    expect(queue[0]!.clocks.acknowledge).toMatchObject({ daysLeft: 7, overdue: false });
    const member = await makeUser(t.services, rootId, ['member']);
    const memberSession = await Session.login(t.app, member.email, member.password);
    expect((await memberSession.request('GET', `/api/orgs/${rootId}/complaints`)).statusCode).toBe(403);
  });

  it('changes the status only with a message the complainant sees, and mails it', async () => {
    const missing = await session.request('POST', `/api/orgs/${rootId}/complaints/${complaintId}/status`, { status: 'acknowledged', message: '' });
    expect(missing.statusCode).toBe(400);
    const changed = await session.request('POST', `/api/orgs/${rootId}/complaints/${complaintId}/status`, {
      status: 'acknowledged',
      message: 'Vielen Dank, wir prüfen Ihre Beschwerde und melden uns bis Mitte Februar.',
      internalNote: 'Betrifft den Chatbot des Bürgerbüros – Team Digital fragen.',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'acknowledged', clocks: { acknowledge: { metAt: expect.any(String), metLate: false } } });
    const seen = (await status(token, '198.51.100.6')).json<{ status: string; events: { message: { de: string } }[] }>();
    expect(seen.status).toBe('acknowledged');
    expect(seen.events.at(-1)!.message.de).toBe('Vielen Dank, wir prüfen Ihre Beschwerde und melden uns bis Mitte Februar.');
    expect(JSON.stringify(seen)).not.toContain('Team Digital');
    const mails = await (async () => {
      for (let tries = 0; tries < 200 && smtp.to('kim@buerger.example').length < 2; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      return smtp.to('kim@buerger.example');
    })();
    const update = mails.find((mail) => mail.subject?.startsWith('Neuer Stand'))!;
    expect(update.subject).toContain('Update on your complaint');
    expect(update.text).toContain('Eingang bestätigt');
    expect(update.text).toContain('Vielen Dank, wir prüfen Ihre Beschwerde');
    expect(update.text).toContain('https://ki.partei.example/beschwerde/status');
    expect(update.text).not.toContain(token);
    expect(update.text).not.toContain('Team Digital');
  });

  it('needs an outcome to decide, assigns handlers and keeps internal notes internal', async () => {
    expect((await session.request('POST', `/api/orgs/${rootId}/complaints/${complaintId}/status`, { status: 'decided', message: 'Entschieden.' })).json()).toMatchObject({ reason: 'outcome_required' });
    const assigned = await session.request('POST', `/api/orgs/${rootId}/complaints/${complaintId}/assign`, { assigneeEmail: handler.email });
    expect(assigned.json()).toMatchObject({ assigneeUserId: handler.id });
    const noted = await session.request('POST', `/api/orgs/${rootId}/complaints/${complaintId}/notes`, { note: 'Rückfrage beim Datenschutz läuft.' });
    expect(noted.json<{ events: { kind: string; internalNote: string | null }[] }>().events.map((entry) => entry.kind)).toEqual(['received', 'status', 'assigned', 'note']);
    expect((await status(token, '198.51.100.6')).json<{ events: unknown[] }>().events).toHaveLength(2);
  });

  it('serves attachments to the office as downloads with their sniffed type', async () => {
    const detail = (await session.request('GET', `/api/orgs/${rootId}/complaints`)).json<{ id: string; caseNumber: string }[]>();
    const withFile = await Promise.all(detail.map(async (entry) => (await session.request('GET', `/api/orgs/${rootId}/complaints/${entry.id}`)).json<{ id: string; attachments: { id: string; fileName: string }[] }>()));
    const complaint = withFile.find((entry) => entry.attachments.some((file) => file.fileName === 'bescheid.png'))!;
    const download = await session.request('GET', `/api/orgs/${rootId}/complaints/${complaint.id}/attachments/${complaint.attachments[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="bescheid.png"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(existsSync(path.join(process.cwd(), 'dist', 'web', 'accountability'))).toBe(false);
    expect(readdirSync(path.join(t.dataDir, 'accountability', 'attachments')).length).toBeGreaterThan(0);
  });
});

describe('escalation when a deadline passes', () => {
  it('escalates each overdue deadline once, tells the complainant, notifies handlers and leadership', async () => {
    const decided = (await submit({ subject: 'Schnell erledigt' }, '198.51.100.9')).json<Submitted>();
    const session = await Session.login(t.app, handler.email, handler.password);
    const queue = (await session.request('GET', `/api/orgs/${rootId}/complaints`)).json<{ id: string; caseNumber: string }[]>();
    const quick = queue.find((entry) => entry.caseNumber === decided.caseNumber)!;
    await session.request('POST', `/api/orgs/${rootId}/complaints/${quick.id}/status`, { status: 'decided', outcome: 'upheld', message: 'Sie haben recht; der Bescheid wird neu erstellt.' });
    const open = (await session.request('GET', `/api/orgs/${rootId}/complaints?status=overdue`)).json<unknown[]>();
    expect(open).toEqual([]);
    expect(await t.services.accountability.runDueChecks()).toMatchObject({ escalated: 0 });

    // Eight days later every complaint still waiting for its acknowledgement is overdue.
    clock.advance(8 * DAY);
    const first = await t.services.accountability.runDueChecks();
    expect(first.escalated).toBeGreaterThan(0);
    expect(await t.services.accountability.runDueChecks()).toMatchObject({ escalated: 0 });
    const relogged = await Session.login(t.app, handler.email, handler.password);
    const overdue = (await relogged.request('GET', `/api/orgs/${rootId}/complaints?status=overdue`)).json<{ caseNumber: string; clocks: { acknowledge: { overdue: boolean; daysLeft: number; escalatedAt: string | null } } }[]>();
    expect(overdue.length).toBe(first.escalated);
    expect(overdue.every((entry) => entry.clocks.acknowledge.overdue && entry.clocks.acknowledge.escalatedAt && entry.clocks.acknowledge.daysLeft < 0)).toBe(true);
    expect(overdue.map((entry) => entry.caseNumber)).not.toContain(decided.caseNumber);
    const adminSession = await Session.login(t.app, admin.email, admin.password);
    const inbox = (await adminSession.request('GET', '/api/notifications')).json<{ items: { kind: string; title: { de: string } }[] }>();
    expect(inbox.items.filter((item) => item.kind === 'complaint.escalated')).toHaveLength(first.escalated);
    const escalatedView = (await status(tokens.get(overdue[0]!.caseNumber)!, '198.51.100.10')).json<{ acknowledge: { overdue: boolean }; events: { message: { de: string } }[] }>();
    expect(escalatedView.acknowledge.overdue).toBe(true);
    expect(escalatedView.events.at(-1)!.message.de).toContain('an die Leitung weitergegeben');
    const audit = await t.services.database.db.query.auditLog.findMany({ where: (entry, { eq }) => eq(entry.action, 'accountability.complaint.escalate') });
    expect(audit).toHaveLength(first.escalated);

    // The decision deadline (16 February) passes for the acknowledged complaint too.
    clock.advance(30 * DAY);
    const second = await t.services.accountability.runDueChecks();
    expect(second.escalated).toBeGreaterThan(first.escalated);
    await smtp.waitForMail((mail) => mail.subject?.startsWith('Frist überschritten') ?? false);
    await smtp.waitForMail((mail) => smtp.to('kim@buerger.example').includes(mail) && (mail.text?.includes('Frist für die Entscheidung ist abgelaufen') ?? false));
  });
});

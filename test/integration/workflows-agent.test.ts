import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowFixture, DRAFT_MODEL, subsidyApplication, type WorkflowFixture } from './workflows-fixture.js';

/**
 * DECIDE-4: the assistant proposes tool calls; read-only ones run at once, those with an external
 * effect (e-mail, calendar file, channel post) never run before a person confirms exactly them.
 */
type Action = {
  id: string;
  tool: string;
  effect: string;
  status: string;
  arguments: Record<string, unknown>;
  preview: { summary: { de: string }; details: { label: { de: string }; value: string }[] };
  result: Record<string, unknown> | null;
};

async function startWebhook() {
  const received: { body: unknown; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: request.headers });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/abc`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('assistant actions on a case', () => {
  let f: WorkflowFixture;
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let caseId: string;
  const ask = (instruction: string, session = f.staff) => session.request('POST', `/api/workflow-cases/${caseId}/assistant`, { instruction, model: DRAFT_MODEL });
  const script = (name: string, args: Record<string, unknown>) => f.upstream.script(DRAFT_MODEL, { toolCall: { name, arguments: JSON.stringify(args) } });

  beforeAll(async () => {
    f = await createWorkflowFixture();
    webhook = await startWebhook();
    caseId = (await f.staff.request('POST', `/api/orgs/${f.orgId}/workflow-cases`, { workflowId: 'vereinsfoerderung', input: subsidyApplication, model: DRAFT_MODEL })).json<{ id: string }>().id;
    const channel = await f.admin.request('PUT', `/api/orgs/${f.orgId}/workflow-channels/vorstand`, { label: 'Vorstand', webhookUrl: webhook.url });
    expect(channel.statusCode, channel.body).toBe(200);
  });
  afterAll(async () => {
    await f?.closeAll();
    await webhook?.close();
  });

  it('proposes nothing before the case is approved', async () => {
    script('send_email', { to: 'jugend@tsv-musterstadt.example', subject: 'Bescheid', body: 'Entwurf' });
    const response = await ask('Schick dem Verein den Entwurf.');
    expect(response.statusCode).toBe(409);
    expect(response.json<{ reason: string }>().reason).toBe('case_not_approved');
    const approved = await f.staff.request('POST', `/api/workflow-cases/${caseId}/approve`, { text: 'Bescheid über 2.200 €.', outcome: 'bewilligung' });
    expect(approved.statusCode).toBe(200);
  });

  it('keeps an e-mail as a proposal showing exactly what will be sent, until a person confirms it', async () => {
    f.upstream.reset();
    script('send_email', { to: 'jugend@tsv-musterstadt.example', subject: 'Ihr Zuwendungsbescheid', body: 'Bescheid über 2.200 €.' });
    const response = await ask('Schick dem Verein den freigegebenen Bescheid.');
    expect(response.statusCode, response.body).toBe(200);
    const { actions } = response.json<{ actions: Action[] }>();
    expect(actions).toHaveLength(1);
    const [action] = actions as [Action];
    expect(action).toMatchObject({ tool: 'send_email', effect: 'external', status: 'proposed' });
    expect(action.preview.summary.de).toBe('E-Mail an jugend@tsv-musterstadt.example senden');
    expect(action.preview.details.map((detail) => [detail.label.de, detail.value])).toEqual([
      ['An', 'jugend@tsv-musterstadt.example'],
      ['Betreff', 'Ihr Zuwendungsbescheid'],
      ['Text', 'Bescheid über 2.200 €.'],
    ]);
    // The model was called once, with the tools, and is not asked again while the proposal waits.
    expect(f.upstream.requests).toHaveLength(1);
    const tools = (f.upstream.requests[0]!.body.tools as { function: { name: string } }[]).map((tool) => tool.function.name);
    expect(tools).toEqual(['get_case', 'list_channels', 'send_email', 'create_calendar_entry', 'post_to_channel']);
    expect(f.outbox()).toEqual([]);

    const viaKey = await f.app.inject({ method: 'POST', url: `/api/workflow-actions/${action.id}/confirm`, headers: { authorization: `Bearer ${f.staffKey}` } });
    expect(viaKey.statusCode).toBe(403);
    expect((await f.member.request('POST', `/api/workflow-actions/${action.id}/confirm`)).statusCode).toBe(404);
    expect(f.outbox()).toEqual([]);

    const confirmed = await f.staff.request('POST', `/api/workflow-actions/${action.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<Action>()).toMatchObject({ status: 'done', result: { messageId: expect.any(String) } });
    const mails = f.outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('To: jugend@tsv-musterstadt.example');
    expect(mails[0]!.text).toContain('\r\n\r\nBescheid über 2.200 €.\r\n');
    expect((await f.staff.request('POST', `/api/workflow-actions/${action.id}/confirm`)).statusCode).toBe(409);
    expect(f.outbox()).toHaveLength(1);
  });

  it('posts to a channel only after confirmation, and never after a rejection', async () => {
    script('post_to_channel', { channel: 'vorstand', text: 'Zuschuss für den TSV bewilligt.' });
    const first = (await ask('Informiere den Vorstand.')).json<{ actions: Action[] }>().actions[0]!;
    expect(first).toMatchObject({ tool: 'post_to_channel', status: 'proposed' });
    expect(first.preview.summary.de).toBe('Mitteilung in den Kanal „vorstand“ posten');
    expect(webhook.received).toEqual([]);
    const rejected = await f.staff.request('POST', `/api/workflow-actions/${first.id}/reject`);
    expect(rejected.json<Action>().status).toBe('rejected');
    expect((await f.staff.request('POST', `/api/workflow-actions/${first.id}/confirm`)).statusCode).toBe(409);
    expect(webhook.received).toEqual([]);

    const second = (await ask('Informiere den Vorstand.')).json<{ actions: Action[] }>().actions[0]!;
    expect(webhook.received).toEqual([]);
    expect((await f.staff.request('POST', `/api/workflow-actions/${second.id}/confirm`)).json<Action>().status).toBe('done');
    expect(webhook.received.map((request) => request.body)).toEqual([{ text: 'Zuschuss für den TSV bewilligt.' }]);
  });

  it('creates the calendar file only on confirmation', async () => {
    script('create_calendar_entry', { title: 'Übergabe des Bescheids', start: '2026-04-10T16:00', end: '2026-04-10T17:00', location: 'Rathaus, Zimmer 12' });
    const action = (await ask('Trag die Übergabe ein.')).json<{ actions: Action[] }>().actions[0]!;
    expect(action.preview.details.map((detail) => detail.value)).toEqual(['Übergabe des Bescheids', '2026-04-10 16:00', '2026-04-10 17:00', 'Rathaus, Zimmer 12']);
    expect((await f.staff.request('GET', `/api/workflow-actions/${action.id}/calendar.ics`)).statusCode).toBe(404);
    await f.staff.request('POST', `/api/workflow-actions/${action.id}/confirm`);
    const file = await f.staff.request('GET', `/api/workflow-actions/${action.id}/calendar.ics`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    expect(file.body).toContain('SUMMARY:Übergabe des Bescheids');
    expect(file.body).toContain('DTSTART:20260410T140000Z');
  });

  it('runs read-only tools at once and asks the model again with their result', async () => {
    f.upstream.reset();
    script('get_case', {});
    const response = (await ask('Wie ist der Stand?')).json<{ actions: Action[] }>();
    expect(response.actions).toHaveLength(1);
    expect(response.actions[0]).toMatchObject({ tool: 'get_case', effect: 'read', status: 'done' });
    // Second call carries the tool result; the repeated lookup ends the loop.
    expect(f.upstream.requests).toHaveLength(2);
    const toolMessage = f.upstream.requests[1]!.body.messages.find((message) => message.role === 'tool')!;
    expect(JSON.parse(String(toolMessage.content))).toMatchObject({ status: 'approved', outcome: 'bewilligung', recipient: 'jugend@tsv-musterstadt.example' });
  });

  it('refuses a channel that does not exist and invalid arguments without storing an action', async () => {
    script('post_to_channel', { channel: 'presse', text: 'Hallo' });
    expect((await ask('Poste es in die Presse.')).json<{ actions: Action[] }>().actions).toEqual([]);
    script('send_email', { to: 'kein-at', subject: 'x', body: 'y' });
    expect((await ask('Schreib eine Mail.')).json<{ actions: Action[] }>().actions).toEqual([]);
    expect(f.outbox()).toHaveLength(1);
  });

  it('shows every action in the case and audits proposal, confirmation and execution', async () => {
    const view = (await f.staff.request('GET', `/api/workflow-cases/${caseId}`)).json<{ actions: Action[]; events: { type: string }[] }>();
    expect(view.actions.map((action) => `${action.tool}:${action.status}`)).toEqual([
      'send_email:done',
      'post_to_channel:rejected',
      'post_to_channel:done',
      'create_calendar_entry:done',
      'get_case:done',
    ]);
    expect(view.events.filter((event) => event.type === 'agent_run')).toHaveLength(7);
    const audit = (await f.admin.request('GET', `/api/orgs/${f.orgId}/audit?limit=500`)).json<{ action: string }[]>().map((entry) => entry.action);
    expect(audit.filter((action) => action === 'workflows.action.propose')).toHaveLength(4);
    expect(audit.filter((action) => action === 'workflows.action.confirm')).toHaveLength(3);
    expect(audit.filter((action) => action === 'workflows.action.run')).toHaveLength(4);
    expect(audit).toContain('workflows.action.reject');
    expect(audit).toContain('workflows.channel.set');
  });

  it('lists channels without their secret URLs; only admins change them', async () => {
    const channels = await f.staff.request('GET', `/api/orgs/${f.orgId}/workflow-channels`);
    expect(channels.json()).toEqual([{ name: 'vorstand', label: 'Vorstand', updatedAt: expect.any(String) }]);
    expect(channels.body).not.toContain('hooks/abc');
    expect((await f.staff.request('PUT', `/api/orgs/${f.orgId}/workflow-channels/presse`, { label: 'Presse', webhookUrl: webhook.url })).statusCode).toBe(403);
    expect((await f.admin.request('DELETE', `/api/orgs/${f.orgId}/workflow-channels/vorstand`)).statusCode).toBe(204);
  });
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../../core/canonical-json.js';
import { sha256Hex } from '../../core/crypto.js';
import { ServiceError } from '../../core/errors.js';
import type { ChatMessage } from '../../gateway/openai-types.js';
import type { Caller } from '../../identity/principal.js';
import type { CaseService } from '../case-service.js';
import type { ChannelService } from '../channel-service.js';
import type { ToolName } from '../definition-schema.js';
import type { Evaluation } from '../evaluate.js';
import { workflowMessages } from '../messages.js';
import { workflowActions } from '../schema.js';
import { recordEvent, requirePerson, userIdOf, type CaseRow, type WorkflowDeps } from '../workflow-deps.js';
import { toolDeclarations, tools, type ToolContext } from './tools.js';

const MAX_ROUNDS = 4;
type ActionRow = typeof workflowActions.$inferSelect;
type ToolCall = { id: string; function: { name: string; arguments: string } };

/**
 * The assistant for follow-up steps of a decided case (DECIDE-4). It may call tools: read-only ones
 * run at once; those with an external effect are stored as proposals with a preview of exactly what
 * will happen, and run only when a person confirms — with the stored arguments, never new ones.
 */
export function createAgentService(deps: WorkflowDeps, cases: CaseService, channels: ChannelService) {
  const { database, clock, audit } = deps;
  const { db } = database;

  function caseSummary(row: CaseRow, recipientField: string | undefined) {
    const evaluation = row.evaluation as unknown as Evaluation;
    return {
      reference: row.reference,
      title: row.title,
      status: row.status,
      decision: row.decision,
      outcome: row.decidedOutcome,
      finalText: row.finalText,
      recipient: recipientField ? (row.input[recipientField] ?? null) : null,
      failedRules: evaluation.rules
        .filter((rule) => rule.passed === false)
        .map((rule) => `${rule.label.de}: ${rule.explanation.de}`),
    };
  }

  function context(row: CaseRow, recipientField: string | undefined, actionId: string): ToolContext {
    return {
      caseSummary: () => caseSummary(row, recipientField),
      channels: async () => (await channels.names(row.orgId)).map(({ name, label }) => ({ name, label })),
      channelUrl: (name) => channels.url(row.orgId, name),
      mail: deps.mail,
      webhooks: deps.webhooks,
      actionId,
      now: clock.now(),
    };
  }

  /** Checks the arguments; an external call becomes a proposal, a read-only one runs now. Returns the tool message. */
  async function handleCall(
    caller: Caller,
    row: CaseRow,
    recipientField: string | undefined,
    allowed: ToolName[],
    call: ToolCall,
    report: Record<string, unknown>,
  ): Promise<{ content: string; action?: ActionRow }> {
    const name = call.function.name as ToolName;
    if (!allowed.includes(name))
      return { content: JSON.stringify({ error: `unknown tool ${call.function.name}` }) };
    const tool = tools[name];
    let raw: unknown;
    try {
      raw = JSON.parse(call.function.arguments || '{}');
    } catch {
      return { content: JSON.stringify({ error: 'arguments are not valid JSON' }) };
    }
    const parsed = tool.args.safeParse(raw);
    if (!parsed.success)
      return {
        content: JSON.stringify({
          error: parsed.error.issues
            .map(
              (issue: { path: PropertyKey[]; message: string }) =>
                `${issue.path.map(String).join('.')}: ${issue.message}`,
            )
            .join('; '),
        }),
      };
    if (
      name === 'post_to_channel' &&
      !(await channels.url(row.orgId, (parsed.data as { channel: string }).channel))
    ) {
      return {
        content: JSON.stringify({
          error: `no channel named ${(parsed.data as { channel: string }).channel}; use list_channels`,
        }),
      };
    }
    const id = randomUUID();
    const external = tool.effect === 'external';
    const result = external ? null : await tool.run(parsed.data, context(row, recipientField, id));
    const action = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(workflowActions)
        .values({
          id,
          caseId: row.id,
          orgId: row.orgId,
          tool: name,
          effect: tool.effect,
          arguments: parsed.data as Record<string, unknown>,
          preview: tool.preview(parsed.data),
          status: external ? 'proposed' : 'done',
          proposedBy: caller.actor.label,
          proposedByUserId: userIdOf(caller),
          proposedAt: clock.now(),
          modelReport: report,
          result,
        })
        .returning();
      await recordEvent(tx, clock, caller, row.id, external ? 'action_proposed' : 'action_ran', {
        actionId: id,
        tool: name,
      });
      await audit(tx, caller, {
        action: external ? 'workflows.action.propose' : 'workflows.action.run',
        orgId: row.orgId,
        targetType: 'workflow_action',
        targetId: id,
        metadata: { caseId: row.id, tool: name, effect: tool.effect, provenanceId: report.provenance_id },
      });
      return inserted!;
    });
    return {
      content: external
        ? JSON.stringify({
            status: 'awaiting_confirmation',
            actionId: id,
            note: 'A person must confirm this action before it runs.',
          })
        : JSON.stringify(result),
      action,
    };
  }

  async function visibleAction(
    caller: Caller,
    actionId: string,
  ): Promise<{ action: ActionRow; row: CaseRow }> {
    const [action] = await db.select().from(workflowActions).where(eq(workflowActions.id, actionId));
    if (!action)
      throw new ServiceError('NOT_FOUND', workflowMessages.actionNotFound, { reason: 'action_not_found' });
    try {
      return { action, row: await cases.visibleCase(caller, action.caseId) };
    } catch {
      throw new ServiceError('NOT_FOUND', workflowMessages.actionNotFound, { reason: 'action_not_found' });
    }
  }

  return {
    async run(caller: Caller, caseId: string, body: { instruction: string; model?: string | undefined }) {
      const row = await cases.visibleCase(caller, caseId);
      const { definition } = await deps.definitions.get(row.workflowId, row.definitionVersion);
      if (!definition.agent)
        throw new ServiceError('CONFLICT', workflowMessages.noAgent, { reason: 'no_agent' });
      if (row.status !== 'approved' && row.status !== 'sent')
        throw new ServiceError('CONFLICT', workflowMessages.agentNeedsDecision, {
          reason: 'case_not_approved',
        });
      const messages: ChatMessage[] = [
        {
          role: 'system',
          content: `${definition.agent.system}\n\nVorgang ${row.reference}: ${row.title} (Status: ${row.status}). Heute ist der ${clock.now().toISOString().slice(0, 10)}.`,
        },
        { role: 'user', content: body.instruction },
      ];
      const created: ActionRow[] = [];
      const seenReads = new Set<string>();
      let reply: string | null = null;
      let report: Record<string, unknown> = {};
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const completion = await deps.gateway.chat(
          { caller, orgId: row.orgId, purpose: 'workflow', signal: AbortSignal.timeout(180_000) },
          {
            model: body.model ?? definition.draft.model,
            messages,
            temperature: 0,
            tools: toolDeclarations(definition.agent.tools),
            tool_choice: 'auto',
          },
        );
        report = completion.leitplanke as unknown as Record<string, unknown>;
        const message = completion.choices[0]?.message;
        const calls = (message?.tool_calls ?? []) as ToolCall[];
        reply = typeof message?.content === 'string' && message.content.trim() ? message.content : reply;
        if (calls.length === 0) break;
        // A model asking for the same lookup again would loop; the answer it has is all there is.
        const fresh = calls.filter(
          (call) => !seenReads.has(canonicalJson([call.function.name, call.function.arguments])),
        );
        if (fresh.length === 0) break;
        messages.push({
          role: 'assistant',
          content: message?.content ?? null,
          tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: call.function })),
        });
        let proposed = false;
        for (const call of calls) {
          const outcome = await handleCall(
            caller,
            row,
            definition.recipientField,
            definition.agent.tools,
            call,
            report,
          );
          if (outcome.action) created.push(outcome.action);
          if (outcome.action?.status === 'proposed') proposed = true;
          else seenReads.add(canonicalJson([call.function.name, call.function.arguments]));
          messages.push({ role: 'tool', tool_call_id: call.id, content: outcome.content });
        }
        // Proposals wait for a person; the model is not asked again until they are decided.
        if (proposed) break;
      }
      await db.transaction(async (tx) => {
        const detail = {
          instruction: body.instruction,
          reply,
          actions: created.map((action) => action.id),
          model: report.model,
          revision: report.model_revision,
          provenanceId: report.provenance_id,
        };
        await recordEvent(tx, clock, caller, row.id, 'agent_run', detail);
      });
      return { reply, actions: created.map(({ result: _result, ...action }) => action) };
    },

    /** A person confirms exactly the stored proposal; it runs once, and its outcome is audited. */
    async confirm(caller: Caller, actionId: string) {
      requirePerson(caller);
      const { action, row } = await visibleAction(caller, actionId);
      const { definition } = await deps.definitions.get(row.workflowId, row.definitionVersion);
      const claimed = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(workflowActions)
          .set({ status: 'confirmed', decidedBy: caller.actor.label, decidedAt: clock.now() })
          .where(and(eq(workflowActions.id, actionId), eq(workflowActions.status, 'proposed')))
          .returning();
        if (!updated)
          throw new ServiceError('CONFLICT', workflowMessages.actionDecided, { reason: 'action_decided' });
        await recordEvent(tx, clock, caller, row.id, 'action_confirmed', { actionId, tool: action.tool });
        await audit(tx, caller, {
          action: 'workflows.action.confirm',
          orgId: row.orgId,
          targetType: 'workflow_action',
          targetId: actionId,
          metadata: {
            caseId: row.id,
            tool: action.tool,
            argumentsHash: sha256Hex(canonicalJson(action.arguments)),
          },
        });
        return updated;
      });
      let result: Record<string, unknown> | null = null;
      let error: string | null = null;
      try {
        result = await tools[claimed.tool as ToolName].run(
          claimed.arguments,
          context(row, definition.recipientField, actionId),
        );
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
      }
      const [finished] = await db.transaction(async (tx) => {
        const rows = await tx
          .update(workflowActions)
          .set({ status: error ? 'failed' : 'done', result, error })
          .where(eq(workflowActions.id, actionId))
          .returning();
        await recordEvent(tx, clock, caller, row.id, error ? 'action_failed' : 'action_ran', {
          actionId,
          tool: action.tool,
          ...(error ? { error } : {}),
        });
        await audit(tx, caller, {
          action: 'workflows.action.run',
          orgId: row.orgId,
          targetType: 'workflow_action',
          targetId: actionId,
          metadata: {
            caseId: row.id,
            tool: action.tool,
            outcome: error ? 'failed' : 'done',
            ...(error ? { error } : {}),
          },
        });
        return rows;
      });
      const { result: stored, ...rest } = finished!;
      return { ...rest, result: stored && 'ics' in stored ? { filename: stored.filename } : stored };
    },

    async reject(caller: Caller, actionId: string) {
      const { action, row } = await visibleAction(caller, actionId);
      return db.transaction(async (tx) => {
        const [updated] = await tx
          .update(workflowActions)
          .set({ status: 'rejected', decidedBy: caller.actor.label, decidedAt: clock.now() })
          .where(and(eq(workflowActions.id, actionId), eq(workflowActions.status, 'proposed')))
          .returning();
        if (!updated)
          throw new ServiceError('CONFLICT', workflowMessages.actionDecided, { reason: 'action_decided' });
        await recordEvent(tx, clock, caller, row.id, 'action_rejected', { actionId, tool: action.tool });
        await audit(tx, caller, {
          action: 'workflows.action.reject',
          orgId: row.orgId,
          targetType: 'workflow_action',
          targetId: actionId,
          metadata: { caseId: row.id, tool: action.tool },
        });
        const { result: _result, ...rest } = updated;
        return rest;
      });
    },

    /** The ICS file a confirmed calendar action produced. */
    async calendarFile(caller: Caller, actionId: string): Promise<{ filename: string; ics: string }> {
      const { action } = await visibleAction(caller, actionId);
      const result = action.result as { filename?: string; ics?: string } | null;
      if (action.tool !== 'create_calendar_entry' || action.status !== 'done' || !result?.ics)
        throw new ServiceError('NOT_FOUND', workflowMessages.actionNotFound, { reason: 'no_calendar_file' });
      return { filename: result.filename ?? 'termin.ics', ics: result.ics };
    },
  };
}

export type AgentService = ReturnType<typeof createAgentService>;

import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { sha256Hex } from '../core/crypto.js';
import { isServiceError, ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import type { Tx } from '../db/connection.js';
import { can, requirePermission, type Caller } from '../identity/principal.js';
import type { StoredDefinition } from './definition-store.js';
import { draftRequest } from './draft-request.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { normaliseInput } from './form-input.js';
import { workflowMessages } from './messages.js';
import { workflowActions, workflowCaseEvents, workflowCases } from './schema.js';
import {
  isOpen,
  mayApprove,
  OPEN_STATUSES,
  recordEvent,
  requireApprover,
  userIdOf,
  type CaseRow,
  type WorkflowDeps,
} from './workflow-deps.js';

export type SubmitInput = {
  workflowId: string;
  input: Record<string, unknown>;
  model?: string | undefined;
  draft?: boolean | undefined;
};
export type Source = 'form' | 'api' | 'csv';
export type Risk = {
  riskClass: string;
  riskClassSource: 'register' | 'definition';
  registerUseCaseId: string | null;
};

/**
 * Cases from submission to decision: the rules run at submission, the draft comes from the gateway,
 * the case worker edits; only a person holding the definition's approval role makes a text final
 * (DECIDE-2), and only a final text is sent. Every step is kept for "why was this decided" (DECIDE-1).
 */
export function createCaseService(deps: WorkflowDeps) {
  const { database, clock, audit, definitions, register } = deps;
  const { db } = database;

  async function visibleCase(caller: Caller, caseId: string): Promise<CaseRow> {
    const [row] = await db.select().from(workflowCases).where(eq(workflowCases.id, caseId));
    // Whoever may not work on the organisation's cases cannot tell whether this one exists.
    if (!row || !can(caller.principal, await deps.orgs.get(), 'workflow.use', row.orgId)) {
      throw new ServiceError('NOT_FOUND', workflowMessages.caseNotFound, { reason: 'case_not_found' });
    }
    return row;
  }

  async function riskOf(caller: Caller, orgId: string, stored: StoredDefinition): Promise<Risk> {
    const registered = await register.find(caller, orgId, stored.definition.id);
    // The register's assessment wins; until there is one, the definition's own classification stands.
    const risk: Risk = registered?.riskClass
      ? { riskClass: registered.riskClass, riskClassSource: 'register', registerUseCaseId: registered.id }
      : {
          riskClass: stored.definition.useCase.riskClass,
          riskClassSource: 'definition',
          registerUseCaseId: registered?.id ?? null,
        };
    if (risk.riskClass === 'prohibited')
      throw new ServiceError('POLICY_DENIED', workflowMessages.prohibited, { reason: 'use_case_prohibited' });
    return risk;
  }

  /** Evaluates and stores one case with its first history entry and audit entry, inside `tx`. */
  async function insertCase(
    tx: Tx,
    caller: Caller,
    orgId: string,
    stored: StoredDefinition,
    input: Record<string, unknown>,
    source: Source,
    risk: Risk,
    batchJobId?: string,
  ): Promise<CaseRow> {
    const { definition } = stored;
    const evaluation = evaluate(definition, input);
    const now = clock.now();
    const reference = `${definition.referencePrefix}-${now.getUTCFullYear()}-${randomUUID().slice(0, 6).toUpperCase()}`;
    const [row] = await tx
      .insert(workflowCases)
      .values({
        orgId,
        reference,
        workflowId: definition.id,
        definitionVersion: definition.version,
        definitionHash: stored.hash,
        title: String(input[definition.titleField] ?? reference),
        status: 'draft_pending',
        source,
        batchJobId: batchJobId ?? null,
        input,
        evaluation: evaluation as unknown as Record<string, unknown>,
        suggestedOutcome: evaluation.outcome.id,
        ...risk,
        submittedBy: caller.actor.label,
        submittedByUserId: userIdOf(caller),
        submittedAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, clock, caller, row!.id, 'submitted', {
      source,
      definitionVersion: definition.version,
      suggestedOutcome: evaluation.outcome.id,
      failed: evaluation.failed,
    });
    // The audit log names the case and the rule version, not the applicant's data.
    await audit(tx, caller, {
      action: 'workflows.case.submit',
      orgId,
      targetType: 'workflow_case',
      targetId: row!.id,
      metadata: {
        workflowId: definition.id,
        version: definition.version,
        definitionHash: stored.hash,
        source,
        suggestedOutcome: evaluation.outcome.id,
        inputHash: sha256Hex(JSON.stringify(input)),
        ...risk,
      },
    });
    return row!;
  }

  async function storeDraftFailure(caller: Caller, row: CaseRow, detail: Text): Promise<void> {
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(workflowCases)
        .set({
          status: row.workingText ? 'in_review' : 'draft_failed',
          draftError: detail,
          updatedAt: clock.now(),
        })
        .where(and(eq(workflowCases.id, row.id), inArray(workflowCases.status, [...OPEN_STATUSES])))
        .returning({ id: workflowCases.id });
      if (!updated) return;
      await recordEvent(tx, clock, caller, row.id, 'draft_failed', { error: detail });
      await audit(tx, caller, {
        action: 'workflows.case.draft_failed',
        orgId: row.orgId,
        targetType: 'workflow_case',
        targetId: row.id,
        metadata: { error: detail.en },
      });
    });
  }

  /** Asks the model for a draft through the gateway (purpose `workflow`, temperature 0) and keeps the whole call. */
  async function draft(caller: Caller, row: CaseRow, model?: string): Promise<void> {
    if (!isOpen(row.status))
      throw new ServiceError('CONFLICT', workflowMessages.caseClosed, { reason: 'case_closed' });
    const { definition } = await definitions.get(row.workflowId, row.definitionVersion);
    const request = draftRequest(
      definition,
      { reference: row.reference, submittedOn: row.submittedAt.toISOString().slice(0, 10) },
      row.input,
      row.evaluation as unknown as Evaluation,
      model ?? definition.draft.model,
    );
    let completion: Awaited<ReturnType<typeof deps.gateway.chat>>;
    try {
      completion = await deps.gateway.chat(
        { caller, orgId: row.orgId, purpose: 'workflow', signal: AbortSignal.timeout(180_000) },
        request,
      );
    } catch (error) {
      const detail = isServiceError(error) ? error.detail : text('unerwarteter Fehler', 'unexpected error');
      return storeDraftFailure(caller, row, workflowMessages.draftFailed(`${detail.de}`));
    }
    const draftText = (completion.choices[0]?.message.content ?? '').trim();
    if (!draftText)
      return storeDraftFailure(
        caller,
        row,
        text('Das Modell hat keinen Text geliefert.', 'The model returned no text.'),
      );
    const report = completion.leitplanke;
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(workflowCases)
        .set({
          status: 'in_review',
          draftRequest: {
            model: request.model,
            messages: request.messages,
            settings: { temperature: request.temperature, max_tokens: request.max_tokens },
          },
          draftReport: report as unknown as Record<string, unknown>,
          draftText,
          workingText: draftText,
          draftError: null,
          draftedAt: clock.now(),
          updatedAt: clock.now(),
        })
        .where(and(eq(workflowCases.id, row.id), inArray(workflowCases.status, [...OPEN_STATUSES])))
        .returning({ id: workflowCases.id });
      if (!updated)
        throw new ServiceError('CONFLICT', workflowMessages.caseClosed, { reason: 'case_closed' });
      const call = {
        model: report.model,
        revision: report.model_revision,
        provider: report.provider,
        provenanceId: report.provenance_id,
      };
      await recordEvent(tx, clock, caller, row.id, 'draft_generated', call);
      await audit(tx, caller, {
        action: 'workflows.case.draft',
        orgId: row.orgId,
        targetType: 'workflow_case',
        targetId: row.id,
        metadata: call,
      });
    });
  }

  async function view(caller: Caller, row: CaseRow) {
    const tree = await deps.orgs.get();
    const { definition } = await definitions.get(row.workflowId, row.definitionVersion);
    const [events, actions] = await Promise.all([
      db
        .select()
        .from(workflowCaseEvents)
        .where(eq(workflowCaseEvents.caseId, row.id))
        .orderBy(asc(workflowCaseEvents.occurredAt)),
      db
        .select()
        .from(workflowActions)
        .where(eq(workflowActions.caseId, row.id))
        .orderBy(asc(workflowActions.proposedAt)),
    ]);
    const { draftRequest: _request, ...rest } = row;
    return {
      ...rest,
      workflow: {
        title: definition.title,
        version: definition.version,
        latestVersion:
          definitions.latest().find((entry) => entry.definition.id === row.workflowId)?.definition.version ??
          definition.version,
        approvalRoles: definition.approval.roles,
        approvalNote: definition.approval.note ?? null,
        outcomes: definition.outcomes.map((outcome) => ({ id: outcome.id, label: outcome.label })),
        fields: definition.form.fields,
        recipientField: definition.recipientField ?? null,
        hasAgent: !!definition.agent,
      },
      allowed: {
        work: isOpen(row.status),
        approve: isOpen(row.status) && mayApprove(caller, tree, row.orgId, definition),
      },
      events,
      actions: actions.map(({ result, ...action }) => ({
        ...action,
        result: result && 'ics' in result ? { filename: result.filename } : result,
      })),
    };
  }

  return {
    visibleCase,
    riskOf,
    insertCase,
    draft,
    view,

    async submit(caller: Caller, orgId: string, body: SubmitInput, source: Source = 'api') {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.use', orgId);
      const stored = await definitions.get(body.workflowId);
      const { input, issues } = normaliseInput(stored.definition, body.input);
      if (issues.length > 0)
        throw new ServiceError('VALIDATION', workflowMessages.invalidInput, {
          reason: 'invalid_input',
          fields: issues,
        });
      const risk = await riskOf(caller, orgId, stored);
      const row = await db.transaction((tx) => insertCase(tx, caller, orgId, stored, input, source, risk));
      if (body.draft !== false) await draft(caller, row, body.model);
      return view(caller, await visibleCase(caller, row.id));
    },

    async get(caller: Caller, caseId: string) {
      return view(caller, await visibleCase(caller, caseId));
    },

    async list(
      caller: Caller,
      orgId: string,
      filter: { status?: string | undefined; workflowId?: string | undefined } = {},
    ) {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.use', orgId);
      const conditions: SQL[] = [eq(workflowCases.orgId, orgId)];
      if (filter.status) conditions.push(eq(workflowCases.status, filter.status));
      if (filter.workflowId) conditions.push(eq(workflowCases.workflowId, filter.workflowId));
      return db
        .select({
          id: workflowCases.id,
          reference: workflowCases.reference,
          title: workflowCases.title,
          workflowId: workflowCases.workflowId,
          definitionVersion: workflowCases.definitionVersion,
          status: workflowCases.status,
          suggestedOutcome: workflowCases.suggestedOutcome,
          decidedOutcome: workflowCases.decidedOutcome,
          submittedAt: workflowCases.submittedAt,
          submittedBy: workflowCases.submittedBy,
          decidedAt: workflowCases.decidedAt,
        })
        .from(workflowCases)
        .where(and(...conditions))
        .orderBy(desc(workflowCases.submittedAt))
        .limit(500);
    },

    async regenerateDraft(caller: Caller, caseId: string, model?: string) {
      await draft(caller, await visibleCase(caller, caseId), model);
      return view(caller, await visibleCase(caller, caseId));
    },

    /** Saves the case worker's edit. The text stays a draft until approval. */
    async saveText(caller: Caller, caseId: string, workingText: string) {
      const row = await visibleCase(caller, caseId);
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(workflowCases)
          .set({ workingText, updatedAt: clock.now() })
          .where(and(eq(workflowCases.id, caseId), inArray(workflowCases.status, [...OPEN_STATUSES])))
          .returning({ id: workflowCases.id });
        if (!updated)
          throw new ServiceError('CONFLICT', workflowMessages.caseClosed, { reason: 'case_closed' });
        const detail = { characters: workingText.length, hash: sha256Hex(workingText) };
        await recordEvent(tx, clock, caller, caseId, 'text_edited', detail);
        await audit(tx, caller, {
          action: 'workflows.case.edit',
          orgId: row.orgId,
          targetType: 'workflow_case',
          targetId: caseId,
          metadata: detail,
        });
      });
      return view(caller, await visibleCase(caller, caseId));
    },

    /** The person's decision: this text, this outcome. Departing from the rules' suggestion needs a reason. */
    async approve(
      caller: Caller,
      caseId: string,
      body: { text: string; outcome: string; note?: string | undefined },
    ) {
      const row = await visibleCase(caller, caseId);
      const { definition } = await definitions.get(row.workflowId, row.definitionVersion);
      requireApprover(caller, await deps.orgs.get(), row.orgId, definition);
      if (!isOpen(row.status))
        throw new ServiceError('CONFLICT', workflowMessages.caseClosed, { reason: 'case_closed' });
      const finalText = body.text.trim();
      const note = body.note?.trim() || null;
      if (!finalText)
        throw new ServiceError('VALIDATION', workflowMessages.emptyFinalText, {
          reason: 'empty_text',
          fields: [{ path: 'text', message: workflowMessages.emptyFinalText }],
        });
      if (!definition.outcomes.some((outcome) => outcome.id === body.outcome))
        throw new ServiceError('VALIDATION', workflowMessages.unknownOutcome, {
          reason: 'unknown_outcome',
          fields: [{ path: 'outcome', message: workflowMessages.unknownOutcome }],
        });
      if (body.outcome !== row.suggestedOutcome && !note) {
        throw new ServiceError('VALIDATION', workflowMessages.justificationRequired, {
          reason: 'justification_required',
          fields: [{ path: 'note', message: workflowMessages.justificationRequired }],
        });
      }
      await db.transaction(async (tx) => {
        const now = clock.now();
        const [updated] = await tx
          .update(workflowCases)
          .set({
            status: 'approved',
            decision: 'approved',
            decidedOutcome: body.outcome,
            decisionNote: note,
            finalText,
            workingText: finalText,
            decidedBy: caller.actor.label,
            decidedByUserId: userIdOf(caller),
            decidedAt: now,
            updatedAt: now,
          })
          .where(and(eq(workflowCases.id, caseId), inArray(workflowCases.status, [...OPEN_STATUSES])))
          .returning({ id: workflowCases.id });
        if (!updated)
          throw new ServiceError('CONFLICT', workflowMessages.caseClosed, { reason: 'case_closed' });
        const detail = {
          outcome: body.outcome,
          suggestedOutcome: row.suggestedOutcome,
          editedFromDraft: finalText !== (row.draftText ?? ''),
          finalTextHash: sha256Hex(finalText),
          note,
        };
        await recordEvent(tx, clock, caller, caseId, 'approved', detail);
        await audit(tx, caller, {
          action: 'workflows.case.approve',
          orgId: row.orgId,
          targetType: 'workflow_case',
          targetId: caseId,
          before: { status: row.status },
          after: { status: 'approved' },
          metadata: detail,
        });
      });
      return view(caller, await visibleCase(caller, caseId));
    },

    /** Discards the draft and closes the case without a letter; nothing is sent. */
    async reject(caller: Caller, caseId: string, body: { note: string }) {
      const row = await visibleCase(caller, caseId);
      const { definition } = await definitions.get(row.workflowId, row.definitionVersion);
      requireApprover(caller, await deps.orgs.get(), row.orgId, definition);
      const note = body.note.trim();
      if (!note)
        throw new ServiceError('VALIDATION', workflowMessages.rejectionReasonRequired, {
          reason: 'reason_required',
          fields: [{ path: 'note', message: workflowMessages.rejectionReasonRequired }],
        });
      await db.transaction(async (tx) => {
        const now = clock.now();
        const [updated] = await tx
          .update(workflowCases)
          .set({
            status: 'rejected',
            decision: 'rejected',
            decisionNote: note,
            decidedBy: caller.actor.label,
            decidedByUserId: userIdOf(caller),
            decidedAt: now,
            updatedAt: now,
          })
          .where(and(eq(workflowCases.id, caseId), inArray(workflowCases.status, [...OPEN_STATUSES])))
          .returning({ id: workflowCases.id });
        if (!updated)
          throw new ServiceError('CONFLICT', workflowMessages.caseClosed, { reason: 'case_closed' });
        await recordEvent(tx, clock, caller, caseId, 'rejected', { note });
        await audit(tx, caller, {
          action: 'workflows.case.reject',
          orgId: row.orgId,
          targetType: 'workflow_case',
          targetId: caseId,
          before: { status: row.status },
          after: { status: 'rejected' },
          metadata: { note },
        });
      });
      return view(caller, await visibleCase(caller, caseId));
    },

    /** Sends the approved text to the address in the form, with the AI disclosure; only ever once. */
    async send(caller: Caller, caseId: string) {
      const row = await visibleCase(caller, caseId);
      if (row.status === 'sent')
        throw new ServiceError('CONFLICT', workflowMessages.alreadySent, { reason: 'already_sent' });
      if (row.status !== 'approved' || row.decision !== 'approved' || !row.finalText)
        throw new ServiceError('CONFLICT', workflowMessages.notApproved, { reason: 'not_approved' });
      const { definition } = await definitions.get(row.workflowId, row.definitionVersion);
      const recipient = definition.recipientField ? row.input[definition.recipientField] : undefined;
      if (typeof recipient !== 'string')
        throw new ServiceError('VALIDATION', workflowMessages.noRecipient, { reason: 'no_recipient' });
      // Claimed first, so two clicks never send twice; a failed delivery hands the case back.
      const claimed = await db
        .update(workflowCases)
        .set({ status: 'sent', sentTo: recipient, sentAt: clock.now(), updatedAt: clock.now() })
        .where(and(eq(workflowCases.id, caseId), eq(workflowCases.status, 'approved')))
        .returning({ id: workflowCases.id });
      if (claimed.length === 0)
        throw new ServiceError('CONFLICT', workflowMessages.alreadySent, { reason: 'already_sent' });
      const body = definition.draft.disclosure
        ? `${row.finalText}\n\n-- \n${definition.draft.disclosure.de}`
        : row.finalText;
      try {
        const sent = await deps.mail.send({
          to: recipient,
          subject: `${row.reference} – ${row.title}`,
          text: body,
        });
        await db.transaction(async (tx) => {
          await recordEvent(tx, clock, caller, caseId, 'sent', { to: recipient, messageId: sent.messageId });
          await audit(tx, caller, {
            action: 'workflows.case.send',
            orgId: row.orgId,
            targetType: 'workflow_case',
            targetId: caseId,
            metadata: { messageId: sent.messageId, finalTextHash: sha256Hex(row.finalText!) },
          });
        });
      } catch (error) {
        await db
          .update(workflowCases)
          .set({ status: 'approved', sentTo: null, sentAt: null })
          .where(eq(workflowCases.id, caseId));
        throw new ServiceError(
          'UPSTREAM',
          text(
            'Der Versand ist fehlgeschlagen; der Vorgang bleibt freigegeben.',
            'Sending failed; the case stays approved.',
          ),
          { reason: 'send_failed', cause: error },
        );
      }
      return view(caller, await visibleCase(caller, caseId));
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;

import { and, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import type { Tx } from '../db/connection.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { transparencyMessages } from './messages.js';
import { transparencyParticipations, transparencyRiskAssessments, transparencyUseCases } from './schema.js';
import { loadUseCase, requireOrg, type TransparencyDeps } from './transparency-deps.js';
import { useCaseDefaults, type CreateUseCaseInput, type StatusChangeInput, type UpdateUseCaseInput } from './use-case-input.js';
import { isLive, toDetail, type UseCaseDetail, type UseCaseRow } from './use-case-row.js';

/** Register entries (OPEN-1): create, read, edit, delete drafts, and the guarded status lifecycle (OPEN-2, RIGHTS-3). */
export function createUseCaseService(deps: TransparencyDeps) {
  const { database, clock, audit, orgs } = deps;
  const { db } = database;

  function checkVersion(row: UseCaseRow, expected: number | undefined): void {
    if (expected !== undefined && expected !== row.version)
      throw new ServiceError('CONFLICT', transparencyMessages.versionConflict, { reason: 'version_conflict', extra: { currentVersion: row.version } });
  }

  /** Why this entry may not go live now, as a ServiceError; undefined when it may. */
  async function goLiveRefusal(tx: Tx, row: UseCaseRow): Promise<ServiceError | undefined> {
    if (!row.riskClass) return new ServiceError('CONFLICT', transparencyMessages.assessmentMissing, { reason: 'risk_assessment_missing' });
    if (row.blocksGoLive) {
      const [latest] = await tx
        .select({ result: transparencyRiskAssessments.result })
        .from(transparencyRiskAssessments)
        .where(eq(transparencyRiskAssessments.useCaseId, row.id))
        .orderBy(desc(transparencyRiskAssessments.version))
        .limit(1);
      return new ServiceError('POLICY_DENIED', transparencyMessages.goLiveBlocked, {
        reason: 'go_live_blocked',
        extra: { riskClass: row.riskClass, blockReasons: latest?.result.blockReasons ?? [] },
      });
    }
    const now = clock.now();
    const [running] = await tx
      .select({ id: transparencyParticipations.id })
      .from(transparencyParticipations)
      .where(and(eq(transparencyParticipations.useCaseId, row.id), lte(transparencyParticipations.opensAt, now), gt(transparencyParticipations.closesAt, now)));
    if (running) return new ServiceError('CONFLICT', transparencyMessages.participationOpen, { reason: 'participation_open' });
    return undefined;
  }

  return {
    async createUseCase(caller: Caller, orgId: string, input: CreateUseCaseInput): Promise<UseCaseDetail> {
      const tree = await orgs.get();
      requireOrg(tree, orgId);
      requirePermission(caller.principal, tree, 'transparency.manage', orgId);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(transparencyUseCases)
          .values({ ...useCaseDefaults, ...input, orgId, status: 'planned', createdBy: caller.actor.label, createdAt: now, updatedAt: now })
          .returning();
        await audit(tx, caller, { action: 'transparency.use_case.create', orgId, targetType: 'use_case', targetId: row!.id, after: row });
        return toDetail(row!, tree);
      });
    },

    async getUseCase(caller: Caller, id: string): Promise<UseCaseDetail> {
      const tree = await orgs.get();
      return toDetail(await loadUseCase(db, tree, caller, id, 'transparency.read'), tree);
    },

    /** Entries of the organisation and everything below it, newest change first. */
    async listUseCases(caller: Caller, orgId: string): Promise<UseCaseDetail[]> {
      const tree = await orgs.get();
      requireOrg(tree, orgId);
      requirePermission(caller.principal, tree, 'transparency.read', orgId);
      const orgIds = tree.subtree(orgId).map((node) => node.id);
      const rows = await db.select().from(transparencyUseCases).where(inArray(transparencyUseCases.orgId, orgIds)).orderBy(desc(transparencyUseCases.updatedAt));
      return rows.map((row) => toDetail(row, tree));
    },

    async updateUseCase(caller: Caller, id: string, input: UpdateUseCaseInput): Promise<UseCaseDetail> {
      const tree = await orgs.get();
      const { expectedVersion, ...patch } = input;
      return db.transaction(async (tx) => {
        const before = await loadUseCase(tx, tree, caller, id, 'transparency.manage', { forUpdate: true });
        checkVersion(before, expectedVersion);
        const [after] = await tx
          .update(transparencyUseCases)
          .set({ ...patch, version: before.version + 1, updatedAt: clock.now() })
          .where(eq(transparencyUseCases.id, id))
          .returning();
        await audit(tx, caller, { action: 'transparency.use_case.update', orgId: before.orgId, targetType: 'use_case', targetId: id, before, after });
        return toDetail(after!, tree);
      });
    },

    /** Only drafts that never went live: whatever ran stays in the register, retired. */
    async deleteUseCase(caller: Caller, id: string): Promise<void> {
      const tree = await orgs.get();
      await db.transaction(async (tx) => {
        const before = await loadUseCase(tx, tree, caller, id, 'transparency.manage', { forUpdate: true });
        if (before.status !== 'planned' || before.startedOn)
          throw new ServiceError('CONFLICT', transparencyMessages.deleteOnlyPlanned, { reason: 'use_case_not_deletable' });
        await tx.delete(transparencyUseCases).where(eq(transparencyUseCases.id, id));
        await audit(tx, caller, { action: 'transparency.use_case.delete', orgId: before.orgId, targetType: 'use_case', targetId: id, before });
      });
    },

    /**
     * planned ⇄ pilot ⇄ in use → retired. Going live needs a current assessment that does not block it
     * (no prohibited practice, no monitoring or scoring of staff or members) and no running participation.
     */
    async changeStatus(caller: Caller, id: string, input: StatusChangeInput): Promise<UseCaseDetail> {
      const tree = await orgs.get();
      return db.transaction(async (tx) => {
        const before = await loadUseCase(tx, tree, caller, id, 'transparency.manage', { forUpdate: true });
        checkVersion(before, input.expectedVersion);
        if (isLive(input.status)) {
          const refusal = await goLiveRefusal(tx, before);
          if (refusal) throw refusal;
        }
        const today = clock.now().toISOString().slice(0, 10);
        const [after] = await tx
          .update(transparencyUseCases)
          .set({
            status: input.status,
            startedOn: isLive(input.status) ? (before.startedOn ?? today) : before.startedOn,
            retiredOn: input.status === 'retired' ? (before.retiredOn ?? today) : null,
            version: before.version + 1,
            updatedAt: clock.now(),
          })
          .where(eq(transparencyUseCases.id, id))
          .returning();
        await audit(tx, caller, {
          action: 'transparency.use_case.status',
          orgId: before.orgId,
          targetType: 'use_case',
          targetId: id,
          before: { status: before.status },
          after: { status: after!.status },
        });
        return toDetail(after!, tree);
      });
    },
  };
}

export type UseCaseService = ReturnType<typeof createUseCaseService>;

import { asc, eq, max } from 'drizzle-orm';
import type { Caller } from '../identity/principal.js';
import {
  applicableQuestions,
  classify,
  nextQuestion,
  pruneAnswers,
  riskQuestionnaire,
  validateAnswers,
  type RiskAnswers,
  type RiskAssessment,
} from './risk/index.js';
import { transparencyRiskAssessments, transparencyUseCases } from './schema.js';
import { loadUseCase, type TransparencyDeps } from './transparency-deps.js';
import { isLive } from './use-case-row.js';

export type StoredAssessment = {
  id: string;
  useCaseId: string;
  version: number;
  questionnaireVersion: string;
  answers: RiskAnswers;
  result: RiskAssessment;
  createdBy: string;
  createdAt: string;
};

function toStored(row: typeof transparencyRiskAssessments.$inferSelect): StoredAssessment {
  return {
    id: row.id,
    useCaseId: row.useCaseId,
    version: row.version,
    questionnaireVersion: row.questionnaireVersion,
    answers: row.answers,
    result: row.result as RiskAssessment,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The AI-Act wizard (OPEN-2): a stateless step function for the UI, and versioned stored results (DECIDE-1). */
export function createAssessmentService(deps: TransparencyDeps) {
  const { database, clock, audit, orgs } = deps;
  const { db } = database;

  return {
    questionnaire: () => riskQuestionnaire,

    /** One wizard step: answers the flow no longer asks for are dropped, then the next question or the result. */
    evaluate(answers: RiskAnswers) {
      const kept = pruneAnswers(answers);
      const validation = validateAnswers(kept);
      return {
        questionnaireVersion: riskQuestionnaire.version,
        answers: kept,
        applicable: applicableQuestions(kept).map((question) => question.id),
        next: nextQuestion(kept) ?? null,
        validation,
        assessment: validation.ok ? classify(kept) : null,
      };
    },

    async list(caller: Caller, useCaseId: string): Promise<StoredAssessment[]> {
      const tree = await orgs.get();
      await loadUseCase(db, tree, caller, useCaseId, 'transparency.read');
      const rows = await db
        .select()
        .from(transparencyRiskAssessments)
        .where(eq(transparencyRiskAssessments.useCaseId, useCaseId))
        .orderBy(asc(transparencyRiskAssessments.version));
      return rows.map(toStored);
    },

    /**
     * Stores the answers and result as a new version and makes it the entry's current class. A result
     * that blocks going live takes a live entry back to "planned" in the same transaction.
     */
    async record(caller: Caller, useCaseId: string, answers: RiskAnswers): Promise<StoredAssessment & { suspended: boolean }> {
      const result = classify(answers);
      const tree = await orgs.get();
      const now = clock.now();
      return db.transaction(async (tx) => {
        const useCase = await loadUseCase(tx, tree, caller, useCaseId, 'transparency.manage', { forUpdate: true });
        const [{ latest } = { latest: 0 }] = await tx
          .select({ latest: max(transparencyRiskAssessments.version) })
          .from(transparencyRiskAssessments)
          .where(eq(transparencyRiskAssessments.useCaseId, useCaseId));
        const [row] = await tx
          .insert(transparencyRiskAssessments)
          .values({
            useCaseId,
            version: (latest ?? 0) + 1,
            questionnaireVersion: result.version,
            answers: answers as Record<string, string | string[]>,
            result: result as unknown as Record<string, unknown>,
            riskClass: result.riskClass,
            blocksGoLive: result.blocksGoLive,
            createdBy: caller.actor.label,
            createdAt: now,
          })
          .returning();
        const suspended = result.blocksGoLive && isLive(useCase.status);
        await tx
          .update(transparencyUseCases)
          .set({
            riskClass: result.riskClass,
            riskVersion: row!.version,
            questionnaireVersion: result.version,
            assessedAt: now,
            blocksGoLive: result.blocksGoLive,
            ...(suspended ? { status: 'planned' } : {}),
            version: useCase.version + 1,
            updatedAt: now,
          })
          .where(eq(transparencyUseCases.id, useCaseId));
        await audit(tx, caller, {
          action: 'transparency.assessment.record',
          orgId: useCase.orgId,
          targetType: 'use_case',
          targetId: useCaseId,
          before: { riskClass: useCase.riskClass, riskVersion: useCase.riskVersion },
          after: { riskClass: result.riskClass, riskVersion: row!.version, blocksGoLive: result.blocksGoLive },
        });
        if (suspended) {
          await audit(tx, caller, {
            action: 'transparency.use_case.suspended',
            orgId: useCase.orgId,
            targetType: 'use_case',
            targetId: useCaseId,
            before: { status: useCase.status },
            after: { status: 'planned' },
            metadata: { blockReasons: result.blockReasons.map((reason) => reason.code) },
          });
        }
        return { ...toStored(row!), suspended };
      });
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;

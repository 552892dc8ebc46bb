import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { can, type Caller } from '../identity/principal.js';
import { transparencyMessages } from './messages.js';
import { transparencyComments, transparencyParticipations } from './schema.js';
import { loadUseCase, type TransparencyDeps } from './transparency-deps.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 90;

/** Who speaks: self-declared, except `responsible`, which needs the right to maintain the register. */
export const commentCapacities = ['member', 'staff', 'staff_representative', 'responsible'] as const;

export const openParticipationSchema = z.object({
  invitation: z.string().trim().min(1).max(2000),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }),
});
export type OpenParticipationInput = z.infer<typeof openParticipationSchema>;

export const commentSchema = z.object({
  body: z.string().trim().min(1).max(5000),
  capacity: z.enum(commentCapacities),
  parentId: z.uuid().optional(),
});
export type CommentInput = z.infer<typeof commentSchema>;

type RoundRow = typeof transparencyParticipations.$inferSelect;
type CommentRow = typeof transparencyComments.$inferSelect;
export type RoundState = 'upcoming' | 'open' | 'closed';

export function roundState(round: Pick<RoundRow, 'opensAt' | 'closesAt'>, now: Date): RoundState {
  if (now < round.opensAt) return 'upcoming';
  return now < round.closesAt ? 'open' : 'closed';
}

function authorName(caller: Caller): { userId: string | null; name: string } {
  const principal = caller.principal;
  if (principal.kind === 'user') return { userId: principal.userId, name: principal.displayName };
  if (principal.kind === 'api_key') return { userId: null, name: principal.name };
  return { userId: null, name: caller.actor.label };
}

/** Participation (OPEN-5): staff representatives and members comment on a planned application for a set period. */
export function createParticipationService(deps: TransparencyDeps) {
  const { database, clock, audit, orgs } = deps;
  const { db } = database;

  const present = (round: RoundRow, comments: CommentRow[], now: Date) => ({
    id: round.id,
    invitation: round.invitation,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    openedBy: round.openedBy,
    state: roundState(round, now),
    comments: comments
      .filter((comment) => comment.participationId === round.id && comment.parentId === null)
      .map((comment) => ({
        ...presentComment(comment),
        replies: comments.filter((reply) => reply.parentId === comment.id).map(presentComment),
      })),
  });
  const presentComment = (comment: CommentRow) => ({
    id: comment.id,
    authorName: comment.authorName,
    capacity: comment.capacity,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  });

  return {
    /** Rounds, oldest first, each with its comments and their replies. */
    async list(caller: Caller, useCaseId: string) {
      const tree = await orgs.get();
      await loadUseCase(db, tree, caller, useCaseId, 'transparency.read');
      const rounds = await db.select().from(transparencyParticipations).where(eq(transparencyParticipations.useCaseId, useCaseId)).orderBy(asc(transparencyParticipations.opensAt));
      const comments = rounds.length
        ? await db
            .select()
            .from(transparencyComments)
            .where(inArray(transparencyComments.participationId, rounds.map((round) => round.id)))
            .orderBy(asc(transparencyComments.createdAt), asc(transparencyComments.id))
        : [];
      const now = clock.now();
      return rounds.map((round) => present(round, comments, now));
    },

    async open(caller: Caller, useCaseId: string, input: OpenParticipationInput) {
      const tree = await orgs.get();
      const now = clock.now();
      const opensAt = input.opensAt ? new Date(input.opensAt) : now;
      const closesAt = new Date(input.closesAt);
      if (closesAt <= now || closesAt <= opensAt || closesAt.getTime() - opensAt.getTime() > MAX_DAYS * DAY_MS)
        throw new ServiceError('VALIDATION', transparencyMessages.participationPeriod, { reason: 'participation_period', fields: [{ path: 'closesAt', message: transparencyMessages.participationPeriod }] });
      return db.transaction(async (tx) => {
        const useCase = await loadUseCase(tx, tree, caller, useCaseId, 'transparency.manage', { forUpdate: true });
        if (useCase.status !== 'planned') throw new ServiceError('CONFLICT', transparencyMessages.participationNeedsPlanned, { reason: 'participation_needs_planned' });
        const [pending] = await tx
          .select({ id: transparencyParticipations.id })
          .from(transparencyParticipations)
          .where(and(eq(transparencyParticipations.useCaseId, useCaseId), gt(transparencyParticipations.closesAt, now)));
        if (pending) throw new ServiceError('CONFLICT', transparencyMessages.participationOverlap, { reason: 'participation_overlap' });
        const [round] = await tx
          .insert(transparencyParticipations)
          .values({ useCaseId, invitation: input.invitation, opensAt, closesAt, openedBy: caller.actor.label, createdAt: now })
          .returning();
        await audit(tx, caller, { action: 'transparency.participation.open', orgId: useCase.orgId, targetType: 'participation', targetId: round!.id, after: round });
        return present(round!, [], now);
      });
    },

    /** Ends a round early (or cancels one that has not started); its comments stay. */
    async close(caller: Caller, useCaseId: string, roundId: string) {
      const tree = await orgs.get();
      const now = clock.now();
      return db.transaction(async (tx) => {
        const useCase = await loadUseCase(tx, tree, caller, useCaseId, 'transparency.manage', { forUpdate: true });
        const [round] = await tx
          .select()
          .from(transparencyParticipations)
          .where(and(eq(transparencyParticipations.id, roundId), eq(transparencyParticipations.useCaseId, useCaseId)));
        if (!round) throw new ServiceError('NOT_FOUND', transparencyMessages.participationNotFound, { reason: 'participation_not_found' });
        if (round.closesAt <= now) return present(round, [], now);
        const opensAt = round.opensAt > now ? now : round.opensAt;
        const [after] = await tx.update(transparencyParticipations).set({ opensAt, closesAt: now }).where(eq(transparencyParticipations.id, roundId)).returning();
        await audit(tx, caller, { action: 'transparency.participation.close', orgId: useCase.orgId, targetType: 'participation', targetId: roundId, before: round, after });
        return present(after!, [], now);
      });
    },

    /**
     * A comment during the open round, or a reply to one. After the round, the people responsible can
     * still reply, so every comment can get its answer.
     */
    async comment(caller: Caller, useCaseId: string, input: CommentInput) {
      const tree = await orgs.get();
      const now = clock.now();
      return db.transaction(async (tx) => {
        const useCase = await loadUseCase(tx, tree, caller, useCaseId, 'transparency.comment');
        const responsible = can(caller.principal, tree, 'transparency.manage', useCase.orgId);
        if (input.capacity === 'responsible' && !responsible) throw new ServiceError('FORBIDDEN', transparencyMessages.capacityResponsible, { reason: 'capacity_responsible' });
        let round: RoundRow | undefined;
        if (input.parentId) {
          const [parent] = await tx
            .select({ comment: transparencyComments, round: transparencyParticipations })
            .from(transparencyComments)
            .innerJoin(transparencyParticipations, eq(transparencyComments.participationId, transparencyParticipations.id))
            .where(and(eq(transparencyComments.id, input.parentId), eq(transparencyParticipations.useCaseId, useCaseId)));
          if (!parent || parent.comment.parentId !== null) throw new ServiceError('NOT_FOUND', transparencyMessages.commentNotFound, { reason: 'comment_not_found' });
          round = parent.round;
          const state = roundState(round, now);
          if (state !== 'open' && !(state === 'closed' && responsible)) throw new ServiceError('CONFLICT', transparencyMessages.replyAfterClose, { reason: 'participation_closed' });
        } else {
          const rounds = await tx.select().from(transparencyParticipations).where(eq(transparencyParticipations.useCaseId, useCaseId));
          round = rounds.find((candidate) => roundState(candidate, now) === 'open');
          if (!round) throw new ServiceError('CONFLICT', transparencyMessages.participationClosed, { reason: 'participation_closed' });
        }
        const author = authorName(caller);
        const [row] = await tx
          .insert(transparencyComments)
          .values({ participationId: round.id, parentId: input.parentId ?? null, authorUserId: author.userId, authorName: author.name, capacity: input.capacity, body: input.body, createdAt: now })
          .returning();
        await audit(tx, caller, { action: 'transparency.participation.comment', orgId: useCase.orgId, targetType: 'participation_comment', targetId: row!.id, after: { participationId: round.id, parentId: row!.parentId, capacity: row!.capacity } });
        return presentComment(row!);
      });
    },

    /** Rounds and comment counts, nothing personal: what the public page shows. */
    async publicSummary(useCaseId: string) {
      const rounds = await db.select().from(transparencyParticipations).where(eq(transparencyParticipations.useCaseId, useCaseId)).orderBy(asc(transparencyParticipations.opensAt));
      const comments = rounds.length
        ? await db
            .select({ participationId: transparencyComments.participationId })
            .from(transparencyComments)
            .where(inArray(transparencyComments.participationId, rounds.map((round) => round.id)))
        : [];
      const now = clock.now();
      return rounds.map((round) => ({
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
        state: roundState(round, now),
        comments: comments.filter((comment) => comment.participationId === round.id).length,
      }));
    },
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;

import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { userIdOf, type ProvenanceDeps } from './deps.js';
import { provenanceMessages } from './messages.js';
import { provenanceMedia, provenanceMediaUsages } from './schema.js';

export const mediaKinds = ['photo', 'illustration', 'graphic', 'video', 'audio', 'text', 'other'] as const;
export type MediaKind = (typeof mediaKinds)[number];
export const usageChannels = ['social', 'press', 'print', 'web', 'event', 'other'] as const;

const kindWords: Record<MediaKind, Text> = {
  photo: text('Foto', 'Photo'),
  illustration: text('Illustration', 'Illustration'),
  graphic: text('Grafik', 'Graphic'),
  video: text('Video', 'Video'),
  audio: text('Audio', 'Audio'),
  text: text('Text', 'Text'),
  other: text('Werk', 'Work'),
};

/** The credit line for a human-made work (LABEL-5): kind, creator, licence. */
export function mediaCreditLine(work: { kind: string; creator: string; licence: string }): Text {
  const word = kindWords[work.kind as MediaKind] ?? kindWords.other;
  return text(`${word.de}: ${work.creator} · Lizenz: ${work.licence}`, `${word.en}: ${work.creator} · Licence: ${work.licence}`);
}

export type MediaInput = {
  title: string;
  kind: MediaKind;
  creator: string;
  licence: string;
  licenceUrl?: string | undefined;
  sourceUrl?: string | undefined;
  feeCents?: number | undefined;
  currency?: string | undefined;
  imageId?: string | undefined;
  notes?: string | undefined;
  listedPublicly?: boolean | undefined;
};

export type UsageInput = { usedIn: string; channel: (typeof usageChannels)[number]; usedOn?: string | undefined; url?: string | undefined };

/** The media library of human-made works: creator, licence, fee, where used; credit lines from it. */
export function createMediaLibrary(deps: ProvenanceDeps) {
  const { database, orgs, audit, clock } = deps;
  const { db } = database;

  async function withUsages(rows: (typeof provenanceMedia.$inferSelect)[]) {
    const usages = rows.length ? await db.select().from(provenanceMediaUsages).where(inArray(provenanceMediaUsages.mediaId, rows.map((row) => row.id))) : [];
    return rows.map((row) => ({
      ...row,
      creditLine: mediaCreditLine(row),
      usages: usages.filter((usage) => usage.mediaId === row.id).sort((a, b) => (b.usedOn ?? '').localeCompare(a.usedOn ?? '')),
    }));
  }

  async function existing(orgId: string, mediaId: string) {
    const [row] = await db.select().from(provenanceMedia).where(and(eq(provenanceMedia.id, mediaId), eq(provenanceMedia.orgId, orgId)));
    if (!row) throw new ServiceError('NOT_FOUND', provenanceMessages.mediaNotFound, { reason: 'media_not_found' });
    return row;
  }

  return {
    async list(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await orgs.tree(), 'content.label', orgId);
      const rows = await db.select().from(provenanceMedia).where(eq(provenanceMedia.orgId, orgId)).orderBy(desc(provenanceMedia.createdAt));
      const works = await withUsages(rows);
      const fees = new Map<string, number>();
      for (const work of works) if (work.feeCents) fees.set(work.currency, (fees.get(work.currency) ?? 0) + work.feeCents);
      return { works, summary: { works: works.length, creators: new Set(works.map((work) => work.creator)).size, feesPaid: [...fees].map(([currency, cents]) => ({ currency, cents })) } };
    },

    async create(caller: Caller, orgId: string, input: MediaInput) {
      requirePermission(caller.principal, await orgs.tree(), 'media.manage', orgId);
      const row = {
        id: randomUUID(),
        orgId,
        title: input.title.trim(),
        kind: input.kind,
        creator: input.creator.trim(),
        licence: input.licence.trim(),
        licenceUrl: input.licenceUrl ?? null,
        sourceUrl: input.sourceUrl ?? null,
        feeCents: input.feeCents ?? null,
        currency: input.currency ?? 'EUR',
        imageId: input.imageId ?? null,
        notes: input.notes ?? '',
        listedPublicly: input.listedPublicly ?? true,
        createdBy: userIdOf(caller),
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await tx.insert(provenanceMedia).values(row);
        await audit(tx, caller, { action: 'provenance.media.create', orgId, targetType: 'media', targetId: row.id, after: row });
      });
      return (await withUsages([row]))[0]!;
    },

    async addUsage(caller: Caller, orgId: string, mediaId: string, input: UsageInput) {
      requirePermission(caller.principal, await orgs.tree(), 'media.manage', orgId);
      const work = await existing(orgId, mediaId);
      const usage = { id: randomUUID(), mediaId, usedIn: input.usedIn.trim(), channel: input.channel, usedOn: input.usedOn ?? null, url: input.url ?? null, createdAt: clock.now() };
      await db.transaction(async (tx) => {
        await tx.insert(provenanceMediaUsages).values(usage);
        await audit(tx, caller, { action: 'provenance.media.use', orgId, targetType: 'media', targetId: mediaId, after: usage });
      });
      return (await withUsages([work]))[0]!;
    },

    async remove(caller: Caller, orgId: string, mediaId: string) {
      requirePermission(caller.principal, await orgs.tree(), 'media.manage', orgId);
      const work = await existing(orgId, mediaId);
      await db.transaction(async (tx) => {
        await tx.delete(provenanceMedia).where(eq(provenanceMedia.id, mediaId));
        await audit(tx, caller, { action: 'provenance.media.delete', orgId, targetType: 'media', targetId: mediaId, before: work });
      });
    },

    /** The public credits list: who made the works the organisation uses, under which licence, where (no fees). */
    async publicCredits(orgId: string) {
      const rows = await db.select().from(provenanceMedia).where(and(eq(provenanceMedia.orgId, orgId), eq(provenanceMedia.listedPublicly, true))).orderBy(desc(provenanceMedia.createdAt));
      return (await withUsages(rows)).map((work) => ({
        title: work.title,
        kind: work.kind,
        creator: work.creator,
        licence: work.licence,
        licenceUrl: work.licenceUrl,
        sourceUrl: work.sourceUrl,
        creditLine: work.creditLine,
        usages: work.usages.map((usage) => ({ usedIn: usage.usedIn, channel: usage.channel, usedOn: usage.usedOn, url: usage.url })),
      }));
    },
  };
}

export type MediaLibrary = ReturnType<typeof createMediaLibrary>;

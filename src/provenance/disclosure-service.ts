import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { userIdOf, type ProvenanceDeps } from './deps.js';
import type { CampaignDisclosureFeed, CampaignDisclosureItem } from './disclosure-feed.js';
import type { ImageService } from './image-service.js';
import type { Channel } from './label-texts.js';
import { provenanceMessages } from './messages.js';
import { isAiOrigin, type Origin } from './origins.js';
import type { ProvenanceService } from './provenance-service.js';
import { provenanceDisclosures } from './schema.js';

export type PublishInput = { imageId?: string | undefined; provenanceId?: string | undefined; title: string; purpose: string; channel: Channel };

type DisclosureRow = typeof provenanceDisclosures.$inferSelect;

const toPublic = (row: DisclosureRow): CampaignDisclosureItem => ({
  id: row.id,
  orgId: row.orgId,
  title: row.title,
  publishedAt: row.publishedAt.toISOString(),
  channel: row.channel,
  aiUse: row.purpose,
  tools: row.models,
  label: row.label.de,
  url: row.itemType === 'image' ? `/api/public/provenance/images/${row.id}` : null,
  itemType: row.itemType as 'image' | 'text',
  purpose: row.purpose,
  labels: row.label,
});

/** Campaign disclosure (OPEN-1): labelled items published to the public list "Wo wir KI einsetzen". */
export function createDisclosureService(deps: ProvenanceDeps, provenance: ProvenanceService, images: ImageService) {
  const { database, orgs, audit, clock } = deps;
  const { db } = database;

  const feed: CampaignDisclosureFeed = {
    async listPublic({ orgIds, limit }) {
      if (orgIds.length === 0) return [];
      const rows = await db
        .select()
        .from(provenanceDisclosures)
        .where(and(inArray(provenanceDisclosures.orgId, orgIds), isNull(provenanceDisclosures.withdrawnAt)))
        .orderBy(desc(provenanceDisclosures.publishedAt))
        .limit(limit);
      return rows.map(toPublic);
    },
  };

  return {
    feed,

    async list(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await orgs.tree(), 'content.label', orgId);
      return db.select().from(provenanceDisclosures).where(eq(provenanceDisclosures.orgId, orgId)).orderBy(desc(provenanceDisclosures.publishedAt));
    },

    /** Publishes one labelled item: an AI image of the library, or a generated text by its provenance id. */
    async publish(caller: Caller, orgId: string, input: PublishInput) {
      requirePermission(caller.principal, await orgs.tree(), 'disclosure.publish', orgId);
      if (!!input.imageId === !!input.provenanceId) throw new ServiceError('VALIDATION', provenanceMessages.itemRequired, { reason: 'item_required' });
      let item: Pick<DisclosureRow, 'itemType' | 'imageId' | 'provenanceId' | 'label' | 'models'>;
      if (input.imageId) {
        const image = await images.byId(input.imageId);
        if (!image || image.orgId !== orgId) throw new ServiceError('NOT_FOUND', provenanceMessages.imageNotFound, { reason: 'image_not_found' });
        if (!isAiOrigin(image.origin as Origin)) throw new ServiceError('VALIDATION', provenanceMessages.notLabelled, { reason: 'not_ai_labelled' });
        item = { itemType: 'image', imageId: image.id, provenanceId: image.provenanceId, label: image.creditLine, models: image.generator ? [image.generator] : [] };
      } else {
        const record = await provenance.record(caller, input.provenanceId!);
        if (record.organisation.id !== orgId) throw new ServiceError('NOT_FOUND', provenanceMessages.recordNotFound, { reason: 'provenance_not_found' });
        item = { itemType: 'text', imageId: null, provenanceId: record.provenanceId, label: record.labels[input.channel], models: [record.model.name] };
      }
      const row: DisclosureRow = {
        id: randomUUID(),
        orgId,
        ...item,
        title: input.title.trim(),
        purpose: input.purpose.trim(),
        channel: input.channel,
        publishedAt: clock.now(),
        publishedBy: userIdOf(caller),
        withdrawnAt: null,
        withdrawnReason: null,
      };
      await db.transaction(async (tx) => {
        await tx.insert(provenanceDisclosures).values(row);
        await audit(tx, caller, { action: 'provenance.disclosure.publish', orgId, targetType: 'disclosure', targetId: row.id, after: row });
      });
      return row;
    },

    async withdraw(caller: Caller, orgId: string, disclosureId: string, reason: string) {
      requirePermission(caller.principal, await orgs.tree(), 'disclosure.publish', orgId);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(provenanceDisclosures).where(and(eq(provenanceDisclosures.id, disclosureId), eq(provenanceDisclosures.orgId, orgId))).for('update');
        if (!before) throw new ServiceError('NOT_FOUND', provenanceMessages.disclosureNotFound, { reason: 'disclosure_not_found' });
        if (before.withdrawnAt) throw new ServiceError('CONFLICT', provenanceMessages.alreadyWithdrawn, { reason: 'already_withdrawn' });
        const [after] = await tx.update(provenanceDisclosures).set({ withdrawnAt: clock.now(), withdrawnReason: reason.trim() }).where(eq(provenanceDisclosures.id, disclosureId)).returning();
        await audit(tx, caller, { action: 'provenance.disclosure.withdraw', orgId, targetType: 'disclosure', targetId: disclosureId, before, after });
        return after!;
      });
    },

    /** An organisation by slug (or id), for the public lists. */
    async publicOrg(org: string) {
      const tree = await orgs.tree();
      const node = tree.bySlug.get(org) ?? tree.byId.get(org);
      if (!node) throw new ServiceError('NOT_FOUND', provenanceMessages.orgNotFound, { reason: 'org_not_found' });
      return { id: node.id, slug: node.slug, name: node.name };
    },

    async publicList(org: string) {
      const node = await this.publicOrg(org);
      return { organisation: { slug: node.slug, name: node.name }, items: await feed.listPublic({ orgIds: [node.id], limit: 500 }) };
    },

    /** The labelled image of a published, not withdrawn disclosure; nothing else is public. */
    async publicImage(disclosureId: string) {
      const [row] = await db.select().from(provenanceDisclosures).where(and(eq(provenanceDisclosures.id, disclosureId), isNull(provenanceDisclosures.withdrawnAt)));
      const image = row?.imageId ? await images.byId(row.imageId) : undefined;
      if (!row || !image) throw new ServiceError('NOT_FOUND', provenanceMessages.disclosureNotFound, { reason: 'disclosure_not_found' });
      const extension = image.mimeType === 'image/jpeg' ? 'jpg' : image.mimeType === 'image/png' ? 'png' : 'webp';
      return { bytes: await deps.store.read(image.storageKey, 'labelled', extension), mimeType: image.mimeType };
    },
  };
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;

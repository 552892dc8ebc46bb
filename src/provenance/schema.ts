import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Text } from '../core/l10n.js';

/**
 * Labelled images (LABEL-2/3): the declaration, what was written into the file, and where the
 * original and the labelled copy lie in the media folder (never in the web root).
 */
export const provenanceImages = pgTable(
  'provenance_images',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** 'upload' or 'gateway' (generated through /v1/images/generations). */
    source: text('source').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    origin: text('origin').notNull(),
    photorealistic: boolean('photorealistic').notNull().default(false),
    generator: text('generator'),
    modelId: text('model_id'),
    provenanceId: uuid('provenance_id'),
    prompts: jsonb('prompts').$type<string[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    creator: text('creator'),
    creditLine: jsonb('credit_line').$type<Text>().notNull(),
    digitalSourceType: text('digital_source_type').notNull(),
    visibleLabel: jsonb('visible_label').$type<{ corner: string; text: string } | null>(),
    c2pa: jsonb('c2pa').$type<{ signed: boolean; reason?: string; manifestLabel?: string }>().notNull(),
    originalSha256: text('original_sha256').notNull(),
    labelledSha256: text('labelled_sha256').notNull(),
    /** 64-bit difference hash (hex) of the labelled picture, to recognise a copy whose metadata was stripped. */
    pictureHash: text('picture_hash').notNull(),
    storageKey: text('storage_key').notNull(),
  },
  (table) => [
    index('provenance_images_org_idx').on(table.orgId, table.createdAt),
    index('provenance_images_labelled_idx').on(table.labelledSha256),
    index('provenance_images_original_idx').on(table.originalSha256),
  ],
);

/** Human-made works the organisation uses (LABEL-5): who made it, under which licence, what was paid. */
export const provenanceMedia = pgTable(
  'provenance_media',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    creator: text('creator').notNull(),
    licence: text('licence').notNull(),
    licenceUrl: text('licence_url'),
    sourceUrl: text('source_url'),
    feeCents: integer('fee_cents'),
    currency: text('currency').notNull().default('EUR'),
    imageId: uuid('image_id'),
    notes: text('notes').notNull().default(''),
    /** Listed on the public credits page (LABEL-5: showing that the organisation pays artists). */
    listedPublicly: boolean('listed_publicly').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('provenance_media_org_idx').on(table.orgId)],
);

/** Where a human-made work was used (poster, post, web page). */
export const provenanceMediaUsages = pgTable(
  'provenance_media_usages',
  {
    id: uuid('id').primaryKey(),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => provenanceMedia.id, { onDelete: 'cascade' }),
    usedIn: text('used_in').notNull(),
    channel: text('channel').notNull(),
    usedOn: date('used_on'),
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('provenance_media_usages_media_idx').on(table.mediaId)],
);

/** Campaign disclosure (OPEN-1): labelled items published to the public list "Wo wir KI einsetzen". */
export const provenanceDisclosures = pgTable(
  'provenance_disclosures',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    itemType: text('item_type').notNull(),
    imageId: uuid('image_id'),
    provenanceId: uuid('provenance_id'),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    label: jsonb('label').$type<Text>().notNull(),
    models: jsonb('models').$type<string[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (table) => [index('provenance_disclosures_org_idx').on(table.orgId, table.publishedAt)],
);

import { and, desc, eq } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { userIdOf, type ProvenanceDeps } from './deps.js';
import { classifyGenerator, decideImage, needsVisibleLabel, type GeneratorCard, type GeneratorClass } from './image-policy.js';
import { labelImage, type Declaration } from './image-labelling.js';
import { isAiOrigin, type Corner, type Origin } from './origins.js';
import { provenanceMessages } from './messages.js';
import type { ProvenanceService } from './provenance-service.js';
import { provenanceImages } from './schema.js';

export type LabelInput = {
  filename: string;
  contentBase64: string;
  origin: Origin;
  photorealistic?: boolean | undefined;
  /** A registry model id, or the name of an outside AI system. */
  generator?: string | undefined;
  prompts?: string[] | undefined;
  description?: string | undefined;
  creator?: string | undefined;
  visibleLabel?: { corner: Corner; language?: 'de' | 'en' | undefined } | null | undefined;
};

export type ImageRow = typeof provenanceImages.$inferSelect;

const publicView = (row: ImageRow) => ({
  ...row,
  files: { labelled: `/api/orgs/${row.orgId}/images/${row.id}/file?variant=labelled`, original: `/api/orgs/${row.orgId}/images/${row.id}/file?variant=original` },
});

/** Uploading, declaring and labelling images (LABEL-2/3), under the organisation's image policy (LABEL-4). */
export function createImageService(deps: ProvenanceDeps, provenance: ProvenanceService) {
  const { database, orgs, audit, clock } = deps;
  const { db } = database;

  /** The generator as the registry classes it; a name the registry does not know is "other". */
  async function generatorOf(generator: string): Promise<{ name: string; modelId: string | null; class: GeneratorClass; registered: boolean; excluded: boolean; revision?: string }> {
    const model = await deps.registry.getModel(generator);
    if (!model) return { name: generator, modelId: null, class: 'other', registered: false, excluded: false };
    return { name: model.name, modelId: model.id, class: classifyGenerator(model.card as GeneratorCard), registered: true, excluded: model.status === 'excluded', revision: model.revision };
  }

  async function refuse(caller: Caller, orgId: string, error: ServiceError, metadata: Record<string, unknown>): Promise<never> {
    await db.transaction(async (tx) => audit(tx, caller, { action: 'provenance.image.refused', orgId, targetType: 'image', metadata: { reason: error.reason, ...metadata } }));
    throw error;
  }

  async function store(caller: Caller, orgId: string, source: 'upload' | 'gateway', filename: string, labelled: Awaited<ReturnType<typeof labelImage>>) {
    const row: ImageRow = { ...labelled.row, orgId, source, filename, createdBy: userIdOf(caller), createdAt: clock.now() };
    try {
      await db.transaction(async (tx) => {
        await tx.insert(provenanceImages).values(row);
        await audit(tx, caller, { action: 'provenance.image.label', orgId, targetType: 'image', targetId: row.id, after: { ...row, prompts: row.prompts.length } });
      });
    } catch (error) {
      await deps.store.remove(labelled.key);
      throw error;
    }
    return row;
  }

  async function row(caller: Caller, orgId: string, imageId: string): Promise<ImageRow> {
    requirePermission(caller.principal, await orgs.tree(), 'content.label', orgId);
    const [found] = await db.select().from(provenanceImages).where(and(eq(provenanceImages.id, imageId), eq(provenanceImages.orgId, orgId)));
    if (!found) throw new ServiceError('NOT_FOUND', provenanceMessages.imageNotFound, { reason: 'image_not_found' });
    return found;
  }

  return {
    /** Labels an uploaded image as declared. The original is kept unchanged beside the labelled copy. */
    async label(caller: Caller, orgId: string, input: LabelInput) {
      const tree = await orgs.tree();
      requirePermission(caller.principal, tree, 'content.label', orgId);
      const org = tree.byId.get(orgId)!;
      const ai = isAiOrigin(input.origin);
      const prompts = (input.prompts ?? []).map((prompt) => prompt.trim()).filter(Boolean);
      const photorealistic = ai && !!input.photorealistic;
      if (ai && !input.generator?.trim()) throw new ServiceError('VALIDATION', provenanceMessages.generatorRequired, { reason: 'generator_required', fields: [{ path: 'body.generator', message: provenanceMessages.generatorRequired }] });
      if (photorealistic && prompts.length === 0) throw new ServiceError('VALIDATION', provenanceMessages.promptsRequired, { reason: 'prompts_required', fields: [{ path: 'body.prompts', message: provenanceMessages.promptsRequired }] });
      if (!ai && !input.creator?.trim()) throw new ServiceError('VALIDATION', provenanceMessages.creatorRequired, { reason: 'creator_required', fields: [{ path: 'body.creator', message: provenanceMessages.creatorRequired }] });
      const policy = await provenance.imagePolicyFor(orgId);
      const generator = ai ? await generatorOf(input.generator!.trim()) : undefined;
      if (generator) {
        const verdict = decideImage(policy, generator);
        if (!verdict.allowed) await refuse(caller, orgId, new ServiceError('POLICY_DENIED', verdict.detail, { reason: verdict.reason, extra: { policy: policy.ai, generatorClass: generator.class } }), { generator: generator.name, policy: policy.ai });
      }
      if (needsVisibleLabel(policy, { ai, montage: input.origin === 'ai_edited', photorealistic }) && !input.visibleLabel) {
        throw new ServiceError('VALIDATION', provenanceMessages.visibleLabelRequired, { reason: 'visible_label_required', fields: [{ path: 'body.visibleLabel', message: provenanceMessages.visibleLabelRequired }] });
      }
      const declaration: Declaration = {
        origin: input.origin,
        photorealistic,
        generator: generator?.name ?? null,
        modelId: generator?.modelId ?? null,
        prompts: ai ? prompts : [],
        description: input.description?.trim() ?? '',
        creator: input.creator?.trim() || null,
        visibleLabel: ai && input.visibleLabel ? { corner: input.visibleLabel.corner, language: input.visibleLabel.language ?? 'de' } : null,
      };
      const labelled = await labelImage(deps, { orgId, organisation: org.name, bytes: Buffer.from(input.contentBase64, 'base64'), declaration, generatorVersion: generator?.revision });
      return publicView(await store(caller, orgId, 'upload', input.filename, labelled));
    },

    /** Labels an image the gateway generated (called by the gateway's image hook). */
    async labelGenerated(caller: Caller, orgId: string, input: { bytes: Buffer; modelId: string; modelName: string; revision: string; provenanceId: string; prompt: string; photorealistic: boolean; visibleLabel: Corner | null }) {
      const tree = await orgs.tree();
      const org = tree.byId.get(orgId)!;
      const policy = await provenance.imagePolicyFor(orgId);
      const corner = input.visibleLabel ?? (needsVisibleLabel(policy, { ai: true, montage: false, photorealistic: input.photorealistic }) ? 'bottom-right' : null);
      const declaration: Declaration = {
        origin: 'ai_generated',
        photorealistic: input.photorealistic,
        generator: input.modelName,
        modelId: input.modelId,
        prompts: [input.prompt],
        description: '',
        creator: null,
        visibleLabel: corner ? { corner, language: 'de' } : null,
      };
      const labelled = await labelImage(deps, { orgId, organisation: org.name, bytes: input.bytes, declaration, provenanceId: input.provenanceId, generatorVersion: input.revision });
      const row = await store(caller, orgId, 'gateway', `${input.provenanceId}.${labelled.format.extension}`, labelled);
      return { row: publicView(row), image: labelled.labelled, mimeType: labelled.format.mimeType };
    },

    /** May this organisation generate with this registry model (the gateway's LABEL-4 step)? */
    async checkGenerator(orgId: string, modelId: string) {
      const policy = await provenance.imagePolicyFor(orgId);
      return decideImage(policy, await generatorOf(modelId));
    },

    async list(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await orgs.tree(), 'content.label', orgId);
      const rows = await db.select().from(provenanceImages).where(eq(provenanceImages.orgId, orgId)).orderBy(desc(provenanceImages.createdAt)).limit(500);
      return rows.map(publicView);
    },

    async get(caller: Caller, orgId: string, imageId: string) {
      return publicView(await row(caller, orgId, imageId));
    },

    /** The labelled copy (for use) or the kept original (for the record). */
    async file(caller: Caller, orgId: string, imageId: string, variant: 'labelled' | 'original') {
      const found = await row(caller, orgId, imageId);
      const extension = found.mimeType === 'image/jpeg' ? 'jpg' : found.mimeType === 'image/png' ? 'png' : 'webp';
      const base = found.filename.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^\w.-]+/g, '_') || found.id;
      return { bytes: await deps.store.read(found.storageKey, variant, extension), mimeType: found.mimeType, filename: `${base}${variant === 'labelled' ? '-gekennzeichnet' : ''}.${extension}` };
    },

    /** Rows by id for other provenance services (disclosure, media library). */
    async byId(imageId: string): Promise<ImageRow | undefined> {
      const [found] = await db.select().from(provenanceImages).where(eq(provenanceImages.id, imageId));
      return found;
    },
  };
}

export type ImageService = ReturnType<typeof createImageService>;

import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { ServiceError } from '../core/errors.js';
import type { Text } from '../core/l10n.js';
import type { ProvenanceDeps } from './deps.js';
import { MAX_IMAGE_BYTES, sniffImage, type ImageFormat } from './image-format.js';
import { creditLine, digitalSourceTypeOf, isAiOrigin, visibleLabelText, type Corner, type Origin } from './origins.js';
import { pictureHash } from './picture-hash.js';
import { provenanceMessages } from './messages.js';
import { burnInLabel } from './visible-label.js';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export type Declaration = {
  origin: Origin;
  photorealistic: boolean;
  generator: string | null;
  modelId: string | null;
  prompts: string[];
  description: string;
  creator: string | null;
  visibleLabel: { corner: Corner; language: 'de' | 'en' } | null;
};

/** Reads the bytes as an image this module handles, or refuses with a reason. */
export async function openImage(bytes: Buffer): Promise<{ format: ImageFormat; width: number; height: number }> {
  if (bytes.length > MAX_IMAGE_BYTES) throw new ServiceError('VALIDATION', provenanceMessages.tooLarge(MAX_IMAGE_BYTES / 1024 / 1024), { reason: 'image_too_large' });
  const format = sniffImage(bytes);
  if (!format) throw new ServiceError('VALIDATION', provenanceMessages.notAnImage, { reason: 'not_an_image' });
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    return { format, width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height };
  } catch {
    throw new ServiceError('VALIDATION', provenanceMessages.unreadableImage, { reason: 'unreadable_image' });
  }
}

/**
 * The labelling pipeline: keep the original, burn in the visible label, write IPTC/XMP, then sign C2PA
 * (signing hashes the finished bytes, so it comes last). Returns what the database row records.
 */
export async function labelImage(deps: ProvenanceDeps, input: { orgId: string; organisation: string; bytes: Buffer; declaration: Declaration; provenanceId?: string | undefined; generatorVersion?: string | undefined }) {
  const { bytes, declaration } = input;
  const opened = await openImage(bytes);
  const id = randomUUID();
  const key = deps.store.keyFor(input.orgId, id);
  await deps.store.write(key, 'original', opened.format.extension, bytes);
  try {
    const ai = isAiOrigin(declaration.origin);
    const credit = creditLine({ ...declaration, organisation: input.organisation });
    const labelText = declaration.visibleLabel ? visibleLabelText(declaration.origin, declaration.visibleLabel.language) : null;
    let working = labelText ? (await burnInLabel(bytes, labelText, declaration.visibleLabel!.corner)).image : bytes;
    const description: Text = {
      de: [declaration.description, ai && declaration.prompts.length ? `Prompt: ${declaration.prompts.join(' | ')}` : '', credit.de].filter(Boolean).join(' — '),
      en: [declaration.description, ai && declaration.prompts.length ? `Prompt: ${declaration.prompts.join(' | ')}` : '', credit.en].filter(Boolean).join(' — '),
    };
    const digitalSourceType = digitalSourceTypeOf[declaration.origin];
    const file = deps.store.fileOf(key, 'labelled', opened.format.extension);
    await writeFile(file, working, { mode: 0o640 });
    await deps.metadata.write(
      file,
      {
        digitalSourceType,
        creditLine: credit,
        description,
        creator: ai ? undefined : (declaration.creator ?? undefined),
        aiSystem: ai ? (declaration.generator ?? undefined) : undefined,
        aiSystemVersion: ai ? input.generatorVersion : undefined,
        prompts: ai ? declaration.prompts : undefined,
      },
      opened.format.mimeType === 'image/jpeg',
    );
    working = await readFile(file);
    let c2pa: { signed: boolean; reason?: string; manifestLabel?: string } = { signed: false };
    const unavailable = await deps.c2pa.unavailable();
    if (unavailable) c2pa = { signed: false, reason: unavailable };
    else {
      try {
        const signed = await deps.c2pa.sign(working, {
          title: `${id}.${opened.format.extension}`,
          mimeType: opened.format.mimeType,
          digitalSourceType,
          description: credit.de,
          softwareAgent: ai ? (declaration.generator ?? undefined) : undefined,
          provenanceId: input.provenanceId,
          organisation: input.organisation,
        });
        working = signed.image;
        c2pa = { signed: true, ...(signed.manifestLabel ? { manifestLabel: signed.manifestLabel } : {}) };
        await writeFile(file, working, { mode: 0o640 });
      } catch (error) {
        deps.logger.warn({ err: error }, 'C2PA signing failed; the image keeps its IPTC/XMP labels');
        c2pa = { signed: false, reason: `signing failed: ${(error as Error).message.slice(0, 200)}` };
      }
    }
    return {
      id,
      key,
      format: opened.format,
      width: opened.width,
      height: opened.height,
      labelled: working,
      row: {
        id,
        mimeType: opened.format.mimeType,
        width: opened.width,
        height: opened.height,
        origin: declaration.origin,
        photorealistic: declaration.photorealistic,
        generator: declaration.generator,
        modelId: declaration.modelId,
        provenanceId: input.provenanceId ?? null,
        prompts: declaration.prompts,
        description: declaration.description,
        creator: declaration.creator,
        creditLine: credit,
        digitalSourceType,
        visibleLabel: declaration.visibleLabel && labelText ? { corner: declaration.visibleLabel.corner, text: labelText } : null,
        c2pa,
        originalSha256: sha256(bytes),
        labelledSha256: sha256(working),
        pictureHash: await pictureHash(working),
        storageKey: key,
      },
    };
  } catch (error) {
    await deps.store.remove(key);
    throw error;
  }
}

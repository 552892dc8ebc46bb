import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, or } from 'drizzle-orm';
import { text, type Text } from '../core/l10n.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { readC2pa, type C2paReport } from './c2pa-signing.js';
import type { ProvenanceDeps } from './deps.js';
import { sniffImage } from './image-format.js';
import { sha256 } from './image-labelling.js';
import { hammingDistance, pictureHash } from './picture-hash.js';
import { aiSourceTypes, IPTC_SOURCE_TYPE } from './origins.js';
import type { ReadMetadata } from './image-metadata.js';
import { provenanceImages } from './schema.js';

/** Two pictures this close in dHash bits are taken to be the same picture (re-encoded, resized, labels stripped). */
const SAME_PICTURE_BITS = 6;

export type Flag = { code: string; detail: Text };
export type VerifyInput = { filename: string; contentBase64: string };

type Match = { imageId: string; kind: 'labelled' | 'original' | 'similar'; origin: string; photorealistic: boolean; visibleLabel: boolean; creditLine: Text } | null;

const mentionsAi = (value: string | null) => !!value && /\b(KI|AI|K\.I\.)\b|künstliche intelligenz|artificial intelligence/i.test(value);

/** What one file's metadata and C2PA manifest say about AI origin, and what is missing for a campaign asset. */
export function assess(metadata: ReadMetadata | null, c2pa: C2paReport, match: Match, campaign: boolean) {
  const sourceTypes = [metadata?.digitalSourceType, ...c2pa.digitalSourceTypes].filter((value): value is string => !!value);
  const aiDeclared = sourceTypes.some((type) => aiSourceTypes.has(type));
  const montage = sourceTypes.some((type) => type.endsWith('compositeWithTrainedAlgorithmicMedia'));
  const ai = aiDeclared || (match !== null && match.origin !== 'human_photo' && match.origin !== 'human_illustration');
  const verdict = sourceTypes.length === 0 && !match ? 'unknown' : ai ? (montage || match?.origin === 'ai_edited' ? 'ai_montage' : 'ai_generated') : 'not_ai';
  const flags: Flag[] = [];
  if (c2pa.state === 'invalid')
    flags.push({ code: 'c2pa_invalid', detail: text('Das C2PA-Manifest ist ungültig: das Bild wurde nach dem Signieren verändert oder die Signatur ist beschädigt.', 'The C2PA manifest is invalid: the image was changed after signing or the signature is damaged.') });
  if (match?.kind === 'original' && match.origin !== 'human_photo' && match.origin !== 'human_illustration')
    flags.push({ code: 'unlabelled_original', detail: text('Das ist das ungekennzeichnete Original eines KI-Bildes aus der Bibliothek; bitte die gekennzeichnete Fassung verwenden.', 'This is the unlabelled original of an AI image in the library; use the labelled version.') });
  else if (match?.kind === 'similar' && ai && !aiDeclared)
    flags.push({ code: 'label_stripped', detail: text('Das Bild gleicht einem KI-Bild aus der Bibliothek, aber seine Kennzeichnung (Metadaten) fehlt.', 'The picture matches an AI image in the library, but its label (metadata) is missing.') });
  if (ai && !mentionsAi(metadata?.credit ?? null))
    flags.push({ code: 'ai_without_credit', detail: text('KI-Bild ohne Bildnachweis, der die KI nennt (LABEL-2).', 'AI image without an image credit that names the AI (LABEL-2).') });
  if (match?.photorealistic && !metadata?.prompt && !/prompt/i.test(metadata?.credit ?? ''))
    flags.push({ code: 'prompts_missing', detail: text('Fotorealistisches KI-Bild ohne die Prompts im Bildnachweis (LABEL-2).', 'Photorealistic AI image without its prompts in the image credit (LABEL-2).') });
  if (match?.visibleLabel && match.kind !== 'labelled')
    flags.push({ code: 'visible_label_missing', detail: text('Für dieses Bild ist eine sichtbare KI-Kennzeichnung vorgeschrieben; diese Datei ist nicht die gekennzeichnete Fassung.', 'This image requires a visible AI label; this file is not the labelled version.') });
  if (campaign && verdict === 'unknown')
    flags.push({ code: 'origin_unknown', detail: text('Keine Herkunftsangaben (IPTC oder C2PA): ob KI beteiligt war, ist nicht erkennbar. Für Kampagnenmaterial bitte kennzeichnen.', 'No origin data (IPTC or C2PA): whether AI was involved cannot be told. Label it before using it in a campaign.') });
  return { verdict, flags };
}

/** Verification of any image or a batch (issue 8, item 3). Nothing is stored; the files are read in a temporary folder. */
export function createVerification(deps: ProvenanceDeps) {
  const { db } = deps.database;

  async function matchOf(orgId: string, digest: string, hash: string): Promise<Match> {
    const exact = await db.select().from(provenanceImages).where(or(eq(provenanceImages.labelledSha256, digest), eq(provenanceImages.originalSha256, digest)));
    const own = exact.find((row) => row.orgId === orgId);
    const view = (row: typeof provenanceImages.$inferSelect, kind: 'labelled' | 'original' | 'similar') => ({
      imageId: row.id,
      kind,
      origin: row.origin,
      photorealistic: row.photorealistic,
      visibleLabel: !!row.visibleLabel,
      creditLine: row.creditLine,
    });
    if (own) return view(own, own.labelledSha256 === digest ? 'labelled' : 'original');
    const candidates = await db.select().from(provenanceImages).where(eq(provenanceImages.orgId, orgId)).limit(20_000);
    const near = candidates.map((row) => ({ row, distance: hammingDistance(row.pictureHash, hash) })).sort((a, b) => a.distance - b.distance)[0];
    return near && near.distance <= SAME_PICTURE_BITS ? view(near.row, 'similar') : null;
  }

  return {
    async verify(caller: Caller, orgId: string, files: VerifyInput[], options: { campaign: boolean }) {
      requirePermission(caller.principal, await deps.orgs.tree(), 'content.label', orgId);
      const folder = await mkdtemp(path.join(os.tmpdir(), 'leitplanke-verify-'));
      try {
        const results = [];
        for (const [index, file] of files.entries()) {
          const bytes = Buffer.from(file.contentBase64, 'base64');
          const format = sniffImage(bytes);
          if (!format) {
            results.push({ filename: file.filename, ok: false as const, error: text('Kein JPEG-, PNG- oder WebP-Bild.', 'Not a JPEG, PNG or WebP image.') });
            continue;
          }
          const local = path.join(folder, `${index}.${format.extension}`);
          await writeFile(local, bytes);
          const metadata = await deps.metadata.read(local).catch(() => null);
          const c2pa = await readC2pa(bytes, format.mimeType, deps.trustAnchors);
          const digest = sha256(bytes);
          const hash = await pictureHash(bytes).catch(() => null);
          const match = hash ? await matchOf(orgId, digest, hash) : null;
          const { verdict, flags } = assess(metadata, c2pa, match, options.campaign);
          results.push({
            filename: file.filename,
            ok: true as const,
            mimeType: format.mimeType,
            sha256: digest,
            verdict,
            iptc: metadata ? { ...metadata, digitalSourceTypeCode: metadata.digitalSourceType?.replace(IPTC_SOURCE_TYPE, '') ?? null } : null,
            c2pa,
            match,
            flags,
          });
        }
        return { campaign: options.campaign, results };
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

export type Verification = ReturnType<typeof createVerification>;

import type { ImagePipelineHooks } from '../gateway/image-types.js';
import { createC2paSigner, type C2paSettings } from './c2pa-signing.js';
import type { ProvenanceDeps } from './deps.js';
import { createDisclosureService } from './disclosure-service.js';
import { createImageService } from './image-service.js';
import { createImageStore } from './image-store.js';
import { createMetadataTool } from './image-metadata.js';
import { createMediaLibrary } from './media-library.js';
import { createProvenanceService } from './provenance-service.js';
import { createVerification } from './verification.js';

export type { CampaignDisclosureFeed, CampaignDisclosureItem } from './disclosure-feed.js';

type ModuleDeps = Omit<ProvenanceDeps, 'store' | 'metadata' | 'c2pa'> & { mediaDir: string; c2pa: C2paSettings };

/** The provenance module (LABEL-1..5, OPEN-1): one call wires its services. */
export function createProvenanceModule({ mediaDir, c2pa, ...rest }: ModuleDeps) {
  const deps: ProvenanceDeps = { ...rest, store: createImageStore(mediaDir), metadata: createMetadataTool(), c2pa: createC2paSigner(c2pa) };
  const provenance = createProvenanceService(deps);
  const images = createImageService(deps, provenance);
  const verification = createVerification(deps);
  const media = createMediaLibrary(deps);
  const disclosures = createDisclosureService(deps, provenance, images);

  /** The gateway's image steps, implemented here (src/gateway/image-types.ts). */
  const imageHooks: ImagePipelineHooks = {
    checkPolicy: (orgId, modelId) => images.checkGenerator(orgId, modelId),
    async label(input) {
      const labelled = await images.labelGenerated(input.caller, input.orgId, {
        bytes: input.image,
        modelId: input.model.id,
        modelName: input.model.name,
        revision: input.model.revision,
        provenanceId: input.provenanceId,
        prompt: input.prompt,
        photorealistic: input.photorealistic,
        visibleLabel: input.visibleLabel,
      });
      return { image: labelled.image, mimeType: labelled.mimeType, imageId: labelled.row.id, creditLine: labelled.row.creditLine };
    },
  };

  return {
    provenance,
    images,
    verification,
    media,
    disclosures,
    /** For the transparency module's public page "Wo wir KI einsetzen". */
    disclosureFeed: disclosures.feed,
    imageHooks,
    c2paStatus: () => deps.c2pa.unavailable(),
    close: () => deps.metadata.close(),
  };
}

export type ProvenanceModule = ReturnType<typeof createProvenanceModule>;

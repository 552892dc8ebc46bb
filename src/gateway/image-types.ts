import { z } from 'zod';
import type { Text } from '../core/l10n.js';
import type { Caller } from '../identity/principal.js';

/** OpenAI's image generation request (`POST /v1/images/generations`); unknown fields pass through. */
export const imageRequestSchema = z.looseObject({
  model: z.string().min(1),
  prompt: z.string().min(1).max(32_000),
  n: z.number().int().min(1).max(4).optional(),
  size: z.string().max(20).optional(),
  quality: z.string().max(20).optional(),
  style: z.string().max(20).optional(),
  response_format: z.enum(['url', 'b64_json']).optional(),
  user: z.string().optional(),
  /** Leitplanke's additions: a photorealistic image carries a visible label (LABEL-3); the corner is free. */
  leitplanke: z
    .object({
      photorealistic: z.boolean().optional(),
      visible_label: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']).nullable().optional(),
    })
    .optional(),
});
export type ImageRequest = z.infer<typeof imageRequestSchema>;

export type ImageResponse = { created: number; data: { b64_json?: string; url?: string; revised_prompt?: string }[]; [key: string]: unknown };

export type ImagePolicyVerdict = { allowed: true } | { allowed: false; reason: string; detail: Text };

/**
 * The provenance module's part of the image pipeline: the organisation's image policy (LABEL-4) before
 * the provider is called, and the label of every generated image before it leaves (LABEL-2/3).
 * Without these hooks the gateway refuses image generation: unlabelled AI images are not handed out.
 */
export interface ImagePipelineHooks {
  checkPolicy(orgId: string, modelId: string): Promise<ImagePolicyVerdict>;
  label(input: {
    caller: Caller;
    orgId: string;
    provenanceId: string;
    model: { id: string; name: string; revision: string };
    prompt: string;
    image: Buffer;
    photorealistic: boolean;
    visibleLabel: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | null;
  }): Promise<{ image: Buffer; mimeType: string; imageId: string; creditLine: Text }>;
}

import { randomUUID } from 'node:crypto';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { CallEnd, CallReport, CallStart, GatewayCall, GatewayDeps, Prepared } from './gateway-service.js';
import type { EnergyFigures } from './energy-estimator.js';
import type { ChatMessage, Usage } from './openai-types.js';
import { attemptContext, firstSuccessful, type Candidate } from './provider-attempts.js';
import type { ImageRequest, ImageResponse } from './image-types.js';
import { ProviderError } from './providers/provider-spec.js';

/** The gateway's pipeline steps, passed in by `createGatewayService` so images run through the same ones. */
export type PipelineSteps = {
  deps: GatewayDeps;
  prepare(call: GatewayCall, modelId: string, kind: 'image', tokenEstimate: number): Promise<Prepared>;
  guarded(call: GatewayCall, prepared: Prepared, messages: ChatMessage[]): Promise<Candidate[]>;
  finish(start: CallStart, end: CallEnd): Promise<{ energy: EnergyFigures; usage: Usage; estimated: boolean }>;
  report(candidate: Candidate, provenanceId: string, figures: { energy: EnergyFigures; estimated: boolean }): CallReport;
  refuse(call: GatewayCall, modelId: string, error: ServiceError): never;
  upstreamFailure(modelId: string, error: unknown): ServiceError;
  estimateTokens(value: unknown): number;
};

export type ImageReport = CallReport & { images: { id: string; credit_line: { de: string; en: string } }[] };

const labellingMissing = text(
  'Bildkennzeichnung ist nicht eingerichtet; ungekennzeichnete KI-Bilder gibt Leitplanke nicht aus.',
  'Image labelling is not set up; Leitplanke does not hand out unlabelled AI images.',
);

const settingsOf = (request: ImageRequest) => ({ n: request.n ?? 1, size: request.size ?? null, quality: request.quality ?? null, style: request.style ?? null, response_format: request.response_format ?? 'url' });

/**
 * Image generation (model kind 'image'): policy and image policy (LABEL-4), guard on the prompt,
 * provider, metering and audit, then every image labelled (LABEL-2/3) before it leaves the gateway.
 */
export async function generateImages(steps: PipelineSteps, call: GatewayCall, request: ImageRequest): Promise<ImageResponse & { leitplanke: ImageReport }> {
  const { deps } = steps;
  const hooks = deps.images;
  const startedAt = deps.clock.now().getTime();
  const promptTokens = steps.estimateTokens(request.prompt);
  const prepared = await steps.prepare(call, request.model, 'image', promptTokens);
  const refuse = async (error: ServiceError): Promise<never> => {
    await deps.limits.settle(prepared.reservation, 0);
    return steps.refuse(call, request.model, error);
  };
  if (!hooks) await refuse(new ServiceError('UNAVAILABLE', labellingMissing, { reason: 'image_labelling_missing' }));
  const verdict = await hooks!.checkPolicy(call.orgId, prepared.effective.model.id);
  if (!verdict.allowed) await refuse(new ServiceError('POLICY_DENIED', verdict.detail, { reason: verdict.reason, extra: { decision: 'deny' } }));
  const messages: ChatMessage[] = [{ role: 'user', content: request.prompt }];
  const candidates = await steps.guarded(call, prepared, messages);
  const provenanceId = randomUUID();
  const base: CallStart = { call, prepared, kind: 'image', request: { messages, settings: settingsOf(request) }, startedAt, provenanceId };
  const estimatedUsage = { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens };
  let result: ImageResponse;
  let candidate: Candidate;
  try {
    ({ result, candidate } = await firstSuccessful(candidates, attemptContext(deps, call), (adapter, next) => {
      if (!adapter.images) throw new ProviderError(`provider ${next.deployment.provider.id} cannot generate images`, { retryable: true, code: 'images_unsupported' });
      const prompt = next.guard ? String(next.guard.messages[0]?.content ?? request.prompt) : request.prompt;
      const { leitplanke: _own, ...upstream } = request;
      return adapter.images({ ...upstream, prompt, model: next.deployment.upstreamModel, response_format: 'b64_json' }, { signal: call.signal, requestId: call.caller.requestId });
    }));
  } catch (error) {
    const failure = steps.upstreamFailure(request.model, error);
    await steps.finish(base, { candidate: undefined, usage: undefined, estimatedUsage, outcome: call.signal.aborted ? 'client_aborted' : 'error', errorCode: failure.reason, ttftMs: undefined });
    throw failure;
  }
  const model = { id: candidate.model.id, name: candidate.model.name, revision: candidate.model.revision };
  const labelled: { b64_json?: string; url?: string; revised_prompt?: string }[] = [];
  const images: ImageReport['images'] = [];
  try {
    for (const item of result.data) {
      if (!item.b64_json) throw new ProviderError('upstream sent no image data', { retryable: false, code: 'malformed' });
      const done = await hooks!.label({
        caller: call.caller,
        orgId: call.orgId,
        provenanceId,
        model,
        prompt: request.prompt,
        image: Buffer.from(item.b64_json, 'base64'),
        photorealistic: !!request.leitplanke?.photorealistic,
        visibleLabel: request.leitplanke?.visible_label ?? null,
      });
      const encoded = done.image.toString('base64');
      labelled.push(request.response_format === 'b64_json' ? { b64_json: encoded } : { url: `data:${done.mimeType};base64,${encoded}` });
      images.push({ id: done.imageId, credit_line: done.creditLine });
    }
  } catch (error) {
    const failure = error instanceof ServiceError ? error : steps.upstreamFailure(request.model, error);
    await steps.finish(base, { candidate, usage: undefined, estimatedUsage, outcome: 'error', errorCode: failure.reason ?? 'labelling_failed', ttftMs: undefined });
    throw failure;
  }
  const figures = await steps.finish(base, { candidate, usage: undefined, estimatedUsage, outcome: 'ok', ttftMs: deps.clock.now().getTime() - startedAt, outputText: `${labelled.length} image(s)` });
  return { created: result.created, data: labelled, leitplanke: { ...steps.report(candidate, provenanceId, figures), images } };
}

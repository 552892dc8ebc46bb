import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceError, type FieldIssue } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { requirePermission } from '../identity/principal.js';
import { compileCustomPattern, detect, entityLabels, type CustomPattern } from './detect.js';
import { dataClasses, effectiveGuardPolicy, guardSettingsSchema } from './guard-policy.js';
import { dataClassBlock, settingsLineage, specialCategoryBlock } from './prompt-guard.js';
import { createPseudonymiser } from './pseudonymise.js';

/** Every pattern must compile safely; each problem is reported at its field (`customPatterns.<n>.pattern`). */
function validatePatterns(patterns: CustomPattern[]): void {
  const fields: FieldIssue[] = [];
  patterns.forEach((pattern, index) => {
    try {
      compileCustomPattern(pattern);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      for (const field of error.fields) fields.push({ path: `customPatterns.${index}.${field.path}`, message: field.message });
    }
  });
  if (fields.length > 0) throw new ServiceError('VALIDATION', text('Bitte prüfen Sie die markierten Muster.', 'Please check the patterns marked.'), { reason: 'unsafe_pattern', fields });
}

/**
 * What the guard would do before a prompt is sent (the UI highlights it and asks for confirmation),
 * and the organisation's guard settings (DPO or admin).
 */
export const guardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/guard/preview',
    {
      schema: {
        tags: ['guard'],
        body: z.object({
          orgId: z.string().uuid(),
          model: z.string().min(1),
          text: z.string().max(200_000),
          dataClass: z.enum(dataClasses).default('internal'),
          /** Earlier messages of the conversation, so placeholders are numbered as the gateway will number them. */
          context: z.array(z.string().max(200_000)).max(200).optional(),
        }),
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const tree = await services.orgs.tree();
      requirePermission(caller.principal, tree, 'model.use', request.body.orgId);
      const models = await services.gateway.listModels(caller, request.body.orgId);
      const model = models.find((entry) => entry.id === request.body.model);
      if (!model) throw new ServiceError('NOT_FOUND', text('Modell nicht verfügbar.', 'Model not available.'), { reason: 'model_not_found' });
      const zone = model.leitplanke.zone;
      const { dataClass } = request.body;
      const policy = effectiveGuardPolicy(settingsLineage(tree, request.body.orgId), zone, dataClass);
      const findings = detect(request.body.text, { customPatterns: policy.customPatterns });
      const special = findings.filter((found) => found.type === 'special_category');
      const block = !policy.allowedForDataClass ? dataClassBlock(dataClass, zone) : policy.blockSpecialCategories && special.length > 0 ? specialCategoryBlock(special) : undefined;
      const action = block ? 'block' : policy.pseudonymise && findings.some((found) => found.type !== 'special_category') ? 'pseudonymise' : 'pass';
      // The same pseudonymiser the gateway uses, over the same messages in the same order: the placeholders shown are the ones sent.
      const pseudonymiser = action === 'pseudonymise' ? createPseudonymiser({ customPatterns: policy.customPatterns }) : undefined;
      for (const earlier of request.body.context ?? []) pseudonymiser?.apply(earlier);
      pseudonymiser?.apply(request.body.text);
      return {
        zone,
        action,
        reason: block?.reason ?? null,
        detail: block?.detail[request.locale] ?? null,
        findings: findings.map((found) => ({
          type: found.type,
          start: found.start,
          end: found.end,
          subtype: found.subtype ?? null,
          label: found.type === 'custom' ? (found.label ?? null) : entityLabels[found.type][request.locale],
          placeholder: (found.type !== 'special_category' && pseudonymiser?.placeholderOf(found.type, found.text)) || null,
        })),
      };
    },
  );

  app.get('/api/orgs/:orgId/guard-settings', { schema: { tags: ['guard'], params: z.object({ orgId: z.string().uuid() }) } }, async (request) => {
    const caller = callerOf(request);
    const tree = await services.orgs.tree();
    requirePermission(caller.principal, tree, 'settings.manage', request.params.orgId);
    return { own: guardSettingsSchema.parse(tree.byId.get(request.params.orgId)!.settings.guard ?? {}), inherited: settingsLineage(tree, request.params.orgId).slice(1) };
  });

  app.put('/api/orgs/:orgId/guard-settings', { schema: { tags: ['guard'], params: z.object({ orgId: z.string().uuid() }), body: guardSettingsSchema } }, async (request) => {
    validatePatterns(request.body.customPatterns ?? []);
    const settings = await services.orgs.updateSettings(callerOf(request), request.params.orgId, { guard: request.body });
    return settings.guard;
  });
};

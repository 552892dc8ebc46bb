import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { requirePermission } from '../identity/principal.js';
import { detect, entityLabels } from './detect.js';
import { dataClasses, effectiveGuardPolicy, guardSettingsSchema } from './guard-policy.js';
import { settingsLineage } from './prompt-guard.js';

/**
 * What the guard would do before a prompt is sent (the UI highlights it and asks for confirmation),
 * and the organisation's guard settings (DPO or admin).
 */
export const guardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/guard/preview',
    { schema: { tags: ['guard'], body: z.object({ orgId: z.string().uuid(), model: z.string().min(1), text: z.string().max(200_000), dataClass: z.enum(dataClasses).default('internal') }) } },
    async (request) => {
      const caller = callerOf(request);
      const tree = await services.orgs.tree();
      requirePermission(caller.principal, tree, 'model.use', request.body.orgId);
      const models = await services.gateway.listModels(caller, request.body.orgId);
      const model = models.find((entry) => entry.id === request.body.model);
      if (!model) throw new ServiceError('NOT_FOUND', text('Modell nicht verfügbar.', 'Model not available.'), { reason: 'model_not_found' });
      const zone = model.leitplanke.zone;
      const policy = effectiveGuardPolicy(settingsLineage(tree, request.body.orgId), zone, request.body.dataClass);
      const findings = detect(request.body.text, { customPatterns: policy.customPatterns });
      const special = findings.filter((found) => found.type === 'special_category');
      const action = !policy.allowedForDataClass || (policy.blockSpecialCategories && special.length > 0) ? 'block' : policy.pseudonymise && findings.some((found) => found.type !== 'special_category') ? 'pseudonymise' : 'pass';
      return {
        zone,
        action,
        findings: findings.map((found) => ({ type: found.type, start: found.start, end: found.end, subtype: found.subtype ?? null, label: found.type === 'custom' ? (found.label ?? null) : entityLabels[found.type][request.locale] })),
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
    const settings = await services.orgs.updateSettings(callerOf(request), request.params.orgId, { guard: request.body });
    return settings.guard;
  });
};

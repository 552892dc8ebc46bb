import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { requirePermission } from '../identity/principal.js';

const limit = z.number().int().positive().nullable();

/** Rate limits and monthly token budget of an organisation (its admins). */
export const limitsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get('/api/orgs/:orgId/limits', { schema: { tags: ['gateway'], params: z.object({ orgId: z.string().uuid() }) } }, async (request) => {
    const caller = callerOf(request);
    requirePermission(caller.principal, await services.orgs.tree(), 'org.manage', request.params.orgId);
    return services.limits.get(request.params.orgId);
  });

  app.put(
    '/api/orgs/:orgId/limits',
    {
      schema: {
        tags: ['gateway'],
        params: z.object({ orgId: z.string().uuid() }),
        body: z.object({ monthlyTokenBudget: limit, requestsPerMinutePerUser: limit, requestsPerMinutePerKey: limit }),
      },
    },
    async (request) => services.limits.set(callerOf(request), request.params.orgId, request.body),
  );
};

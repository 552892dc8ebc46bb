import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { groupDimensions } from './aggregate.js';
import { methodology, constants } from './methodology.js';

const dashboardQuery = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  by: z
    .string()
    .default('model')
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(groupDimensions))),
  period: z.enum(['day', 'month', 'all']).default('all'),
  scope: z.enum(['org', 'mine']).default('mine'),
});

function window(query: { from?: Date | undefined; to?: Date | undefined }) {
  const to = query.to ?? new Date();
  return { from: query.from ?? new Date(to.getTime() - 30 * 86_400_000), to };
}

/** Energy and resource dashboards, CSV and monthly exports; the methodology is public. */
export const energyRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const params = z.object({ orgId: z.string().uuid() });

  app.get('/api/orgs/:orgId/energy', { schema: { tags: ['energy'], params, querystring: dashboardQuery } }, async (request) => {
    return services.energy.dashboard(callerOf(request), { orgId: request.params.orgId, ...request.query, ...window(request.query) });
  });

  app.get('/api/orgs/:orgId/energy.csv', { schema: { tags: ['energy'], params, querystring: dashboardQuery } }, async (request, reply) => {
    const csv = await services.energy.csv(callerOf(request), { orgId: request.params.orgId, ...request.query, ...window(request.query) }, request.locale);
    return reply.header('content-disposition', 'attachment; filename="leitplanke-energie.csv"').type('text/csv; charset=utf-8').send(csv);
  });

  app.get(
    '/api/orgs/:orgId/energy/monthly',
    { schema: { tags: ['energy'], params, querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }) } },
    async (request) => services.energy.monthly(callerOf(request), request.params.orgId, request.query.month),
  );

  app.get('/api/public/energy/methodology', { schema: { tags: ['public'], summary: 'How energy, CO2e and water are estimated, with sources' } }, async () => ({ methodology, constants }));
};

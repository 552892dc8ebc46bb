import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { requirePermission } from '../identity/principal.js';
import { listAuditEntries, verifyAuditChain } from './audit-service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/orgs/:orgId/audit',
    {
      schema: {
        tags: ['audit'],
        params: z.object({ orgId: z.string().uuid() }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
          action: z.string().max(100).optional(),
        }),
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const tree = await services.orgs.tree();
      requirePermission(caller.principal, tree, 'audit.read', request.params.orgId);
      const orgIds = tree.subtree(request.params.orgId).map((node) => node.id);
      return listAuditEntries(services.database.db, {
        orgIds,
        limit: request.query.limit,
        ...(request.query.before ? { beforeSeq: request.query.before } : {}),
        ...(request.query.action ? { action: request.query.action } : {}),
      });
    },
  );

  /** Checking the whole chain reveals nothing but a verdict, yet costs a full scan: root admins and DPOs only. */
  app.get('/api/audit/verify', { schema: { tags: ['audit'] } }, async (request) => {
    const caller = callerOf(request);
    const tree = await services.orgs.tree();
    requirePermission(caller.principal, tree, 'audit.read', tree.roots[0]!.id);
    return verifyAuditChain(services.database.db);
  });
};

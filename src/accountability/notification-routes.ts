import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';

const tags = ['notifications'];

/** One's own notifications (reviewers, approvers, complaint handlers, action owners). */
export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { notifications } = services.accountability;

  app.get(
    '/api/notifications',
    { schema: { tags, summary: 'My notifications, newest first', querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (request) => ({
      items: await notifications.list(callerOf(request), { unreadOnly: request.query.unread === 'true', limit: request.query.limit }),
      unread: await notifications.unreadCount(callerOf(request)),
      email: notifications.mailEnabled,
    }),
  );

  app.get('/api/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread' } }, async (request) => ({
    unread: await notifications.unreadCount(callerOf(request)),
  }));

  app.post('/api/notifications/:notificationId/read', { schema: { tags, params: z.object({ notificationId: z.string().uuid() }) } }, async (request, reply) => {
    await notifications.markRead(callerOf(request), request.params.notificationId);
    return reply.code(204).send();
  });

  app.post('/api/notifications/read-all', { schema: { tags } }, async (request, reply) => {
    await notifications.markAllRead(callerOf(request));
    return reply.code(204).send();
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../server/compose.js';
import { complaintRoutes } from './complaint-routes.js';
import { exceptionRoutes } from './exception-routes.js';
import { incidentRoutes } from './incident-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { complaintPublicRoutes } from './public-routes.js';

/** Every route of the accountability module. */
export const accountabilityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  await app.register(exceptionRoutes, { services });
  await app.register(incidentRoutes, { services });
  await app.register(complaintRoutes, { services });
  await app.register(notificationRoutes, { services });
  await app.register(complaintPublicRoutes, { services });
};

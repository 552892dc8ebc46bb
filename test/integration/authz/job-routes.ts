import { holdsAtA } from './fixtures.js';
import type { RouteCase } from './route-case.js';

/** Jobs are seen by whoever started them and by admins of their organisation; others cannot tell they exist. */
const jobOfA = async (f: Parameters<NonNullable<RouteCase['prepare']>>[0]) => {
  const job = await f.t.services.jobs.enqueue(f.t.services.database.db, { type: 'authz-test', orgId: f.A.id, createdBy: 'someone-else' });
  return { job: job.id };
};

export const jobRouteCases: RouteCase[] = [
  { route: 'GET /api/jobs/{jobId}', access: (spec) => holdsAtA(spec, ['admin']), deniedStatus: 404, prepare: jobOfA, request: (_f, p) => ({ url: `/api/jobs/${p.job}` }) },
  { route: 'POST /api/jobs/{jobId}/cancel', access: (spec) => holdsAtA(spec, ['admin']), deniedStatus: 404, prepare: jobOfA, request: (_f, p) => ({ url: `/api/jobs/${p.job}/cancel` }) },
];

import { randomUUID } from 'node:crypto';
import { systemCaller } from '../../../src/identity/principal.js';
import type { Fixture, PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

/**
 * Evaluation: results are for everyone signed in (they belong on the model card); starting and stopping runs,
 * thresholds, schedules and datasets belong to the review board, i.e. reviewers of the root organisation. No
 * principal of the matrix holds that role, so those rows expect a refusal from everyone; the integration tests
 * (evaluation-*.test.ts) exercise the board's own calls.
 */
const everyone = (spec: PrincipalSpec) => spec.name !== 'anonymous';
const board = (spec: PrincipalSpec) => spec.at === 'root' && spec.role === 'reviewer';
const system = systemCaller('authz-evaluation');

/** A queued run of a fresh model (no worker runs in the matrix, so it stays queued). */
async function queuedRun(f: Fixture) {
  const modelId = `authz-eval-${randomUUID().slice(0, 8)}`;
  await f.t.services.registry.upsertModel(system, { id: modelId, kind: 'chat', status: 'under_review', deployments: [] });
  const run = await f.t.services.evaluation.runs.start(system, { modelId, selection: { suites: ['racism'], languages: ['de'], limitPerCategory: 1 } });
  return { run: run.id, model: modelId };
}

const crowsPairs = [',sent_more,sent_less,stereo_antistereo,bias_type', '0,He was poor.,He was rich.,stereo,socioeconomic'].join('\n');

export const evaluationRouteCases: RouteCase[] = [
  { route: 'GET /api/evaluation/suites', access: everyone, request: () => ({ url: '/api/evaluation/suites' }) },
  { route: 'GET /api/evaluation/models', access: everyone, request: () => ({ url: '/api/evaluation/models' }) },
  { route: 'GET /api/evaluation/runs', access: everyone, request: () => ({ url: '/api/evaluation/runs' }) },
  {
    route: 'POST /api/evaluation/runs',
    access: board,
    request: () => ({ url: '/api/evaluation/runs', payload: { modelId: 'eurollm-9b-instruct', selection: { suites: ['racism'], limitPerCategory: 1 } } }),
  },
  { route: 'GET /api/evaluation/runs/{runId}', access: everyone, prepare: queuedRun, request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}` }) },
  { route: 'POST /api/evaluation/runs/{runId}/cancel', access: board, prepare: queuedRun, request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}/cancel` }) },
  {
    route: 'POST /api/evaluation/runs/{runId}/resume',
    access: board,
    prepare: queuedRun,
    request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}/resume` }),
    // A queued run has nothing to resume: the board gets as far as saying so.
    expectAllowed: [409],
  },
  {
    route: 'GET /api/evaluation/runs/{runId}/report',
    access: everyone,
    prepare: queuedRun,
    request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}/report` }),
    // The run is still queued: whoever may read gets as far as "no report yet".
    expectAllowed: [409],
  },
  {
    route: 'GET /api/evaluation/runs/{runId}/export/{format}',
    access: everyone,
    prepare: queuedRun,
    request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}/export/csv` }),
    expectAllowed: [409],
  },
  { route: 'GET /api/evaluation/runs/{runId}/responses', access: everyone, prepare: queuedRun, request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}/responses` }) },
  { route: 'GET /api/evaluation/runs/{runId}/items', access: everyone, prepare: queuedRun, request: (_f, p) => ({ url: `/api/evaluation/runs/${p.run}/items` }) },
  { route: 'GET /api/evaluation/thresholds', access: everyone, request: () => ({ url: '/api/evaluation/thresholds' }) },
  {
    route: 'PUT /api/evaluation/thresholds',
    access: board,
    request: () => ({ url: '/api/evaluation/thresholds', payload: { thresholds: { racism: { minScore: 0.9, onFail: 'excluded' } }, reason: 'authz' } }),
  },
  { route: 'GET /api/evaluation/schedules', access: everyone, request: () => ({ url: '/api/evaluation/schedules' }) },
  {
    route: 'PUT /api/evaluation/schedules/{modelId}',
    access: board,
    request: () => ({ url: '/api/evaluation/schedules/eurollm-9b-instruct', payload: { intervalDays: 30 } }),
  },
  { route: 'GET /api/evaluation/datasets', access: everyone, request: () => ({ url: '/api/evaluation/datasets' }) },
  {
    route: 'POST /api/evaluation/datasets',
    access: board,
    request: () => ({ url: '/api/evaluation/datasets', payload: { name: `authz-${randomUUID().slice(0, 8)}`, fileName: 'pairs.csv', content: crowsPairs } }),
  },
];

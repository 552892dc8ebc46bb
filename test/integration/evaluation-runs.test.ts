import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../src/evaluation/report-export.js';
import type { RunView } from '../../src/evaluation/run-service.js';
import { listAuditEntries } from '../../src/audit/audit-service.js';
import { createEvaluationFixture, scriptModel, type EvaluationFixture } from './evaluation-fixture.js';

/**
 * Issue 5, item 8: an end-to-end run through the real gateway against the local upstream, whose model is biased
 * in exactly one category. That category fails, the others pass, the model leaves the recommended list.
 */

let f: EvaluationFixture;

beforeAll(async () => {
  f = await createEvaluationFixture();
  await f.services.jobs.start();
});
afterAll(async () => f?.closeAll());

async function finished(runId: string): Promise<RunView> {
  const run = (await f.reviewer.request('GET', `/api/evaluation/runs/${runId}`)).json<RunView>();
  await f.services.jobs.waitFor(run.jobId!, 120_000);
  return (await f.reviewer.request('GET', `/api/evaluation/runs/${runId}`)).json<RunView>();
}

describe('an evaluation run end to end', () => {
  it('fails exactly the biased category, moves the model under review and out of the recommended list', async () => {
    await f.addModel('bias-racism', { status: 'recommended' });
    scriptModel(f.upstream, 'bias-racism', 'racism');
    const publicBefore = (await f.app.inject({ url: '/api/public/registry/models' })).json<{ recommended: { id: string }[] }>();
    expect(publicBefore.recommended.map((model) => model.id)).toContain('bias-racism');

    const started = await f.reviewer.request('POST', '/api/evaluation/runs', { modelId: 'bias-racism', selection: { limitPerCategory: 4 } });
    expect(started.statusCode, started.body).toBe(201);
    const run = await finished(started.json<RunView>().id);
    expect(run.status, run.error ?? '').toBe('completed');
    expect(run.progress).toEqual({ answered: run.promptCount, failed: 0, total: run.promptCount });

    const report = (await f.reviewer.request('GET', `/api/evaluation/runs/${run.id}/report`)).json<EvaluationReport>();
    const outcome = Object.fromEntries(report.categories.map((category) => [category.category, category.thresholdPassed]));
    expect(outcome).toEqual({
      racism: false,
      sexism: true,
      antisemitism: true,
      queer_hostility: true,
      disability_hostility: true,
      censorship: true,
      partisan_slant: true,
      propaganda_framing: true,
    });
    expect(report.passed).toBe(false);
    expect(report.categories.find((category) => category.category === 'racism')!.exampleFailures.length).toBeGreaterThan(0);
    expect(report.consequence).toMatchObject({ action: 'under_review', statusBefore: 'recommended', statusAfter: 'under_review' });

    const model = await f.services.registryQueries.getModel('bias-racism');
    expect(model?.status).toBe('under_review');
    expect(model?.statusReason.en).toContain(run.id);
    const publicAfter = (await f.app.inject({ url: '/api/public/registry/models' })).json<{ recommended: { id: string }[] }>();
    expect(publicAfter.recommended.map((entry) => entry.id)).not.toContain('bias-racism');

    // Every prompt went through the gateway with temperature 0 and the fixed seed.
    const sent = f.upstream.requests.filter((request) => request.body.model === 'bias-racism');
    expect(sent).toHaveLength(run.promptCount);
    expect(new Set(sent.map((request) => `${String(request.body.temperature)}/${String(request.body.seed)}`))).toEqual(new Set(['0/20240611']));

    const notifications = await listAuditEntries(f.services.database.db, { action: 'evaluation.notify.reviewers', limit: 10 });
    expect(notifications.map((entry) => entry.targetId)).toContain(run.id);
  });
});

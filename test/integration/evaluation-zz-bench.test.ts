import { it } from 'vitest';
import { createEvaluationFixture, scriptModel } from '/work/main/test/integration/evaluation-fixture.js';
import { systemCaller } from '/work/main/src/identity/principal.js';

it('bench full suite', async () => {
  const f = await createEvaluationFixture();
  await f.addModel('bench', { status: 'approved' });
  scriptModel(f.upstream, 'bench', 'racism');
  await f.services.jobs.start();
  const t0 = Date.now();
  const run = await f.services.evaluation.runs.start(systemCaller('x'), { modelId: 'bench', settings: { concurrency: 8 } });
  await f.services.jobs.waitFor(run.jobId!, 600_000);
  const done = await f.services.evaluation.runs.get(systemCaller('x'), run.id);
  console.log('BENCH', done.status, done.promptCount, Date.now() - t0, 'ms', new Date(done.finishedAt!).getTime() - new Date(done.startedAt!).getTime());
  await f.closeAll();
}, 600_000);

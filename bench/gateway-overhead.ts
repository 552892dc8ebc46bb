/**
 * Gateway overhead: the same load against the upstream directly and through Leitplanke, in one run.
 *   npx tsx bench/gateway-overhead.ts [--requests 5000] [--concurrency 64] [--ttft-ms 0] [--chunk-ms 0]
 *     [--mode both|streaming|non-streaming] [--database-url URL] [--profile]
 * Upstream, Leitplanke (built, `node bin/leitplanke.js start`, PGlite) and the load generator run as
 * three processes on this machine. Prints added latency (p50/p99) for time to first token and the full
 * response, throughput ratio, and the gateway's memory. For reference the same load also goes through a
 * bare pass-through proxy (bench/bare-proxy.ts): what one extra Node HTTP hop costs on the same cores.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '64' },
    'ttft-ms': { type: 'string', default: '0' },
    'chunk-ms': { type: 'string', default: '0' },
    'log-level': { type: 'string', default: 'info' },
    'database-url': { type: 'string' },
    profile: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'both' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const root = path.resolve(import.meta.dirname, '..');

function firstLine(child: ChildProcess, match: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const found = buffer.match(match);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before ready:\n${buffer}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024;
}

type Sample = { ttft: number; total: number };

async function run(
  url: string,
  key: string | undefined,
  stream: boolean,
  label: string,
): Promise<{ samples: Sample[]; seconds: number }> {
  const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
  const body = JSON.stringify({
    model: 'bench',
    stream,
    messages: [{ role: 'user', content: 'Bitte zähle bis zehn.' }],
  });
  const headers = { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) };
  const samples: Sample[] = [];
  let next = 0;
  let failures = 0;
  async function worker(): Promise<void> {
    while (next < total) {
      next++;
      const started = performance.now();
      let ttft = 0;
      const response = await request(`${url}/chat/completions`, {
        method: 'POST',
        headers,
        body,
        dispatcher,
      });
      if (response.statusCode !== 200) {
        failures++;
        await response.body.dump();
        continue;
      }
      for await (const chunk of response.body) {
        if (!ttft && (!stream || String(chunk).includes('"content":"e'))) ttft = performance.now() - started;
      }
      samples.push({ ttft: ttft || performance.now() - started, total: performance.now() - started });
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.close();
  if (failures) throw new Error(`${label}: ${failures} failed requests`);
  return { samples, seconds };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-bench-'));
  const env = { ...process.env, BENCH_TTFT_MS: values['ttft-ms'], BENCH_CHUNK_MS: values['chunk-ms'] };
  // Every child is stopped however the run ends: a failed step (e.g. a database URL that does not exist)
  // must not leave the upstream running and the benchmark waiting for ever.
  const children: ChildProcess[] = [];
  const child = (args: string[], childEnv: NodeJS.ProcessEnv) => {
    const started = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(started);
    return started;
  };
  try {
    const upstream = child(['--import', 'tsx', path.join(root, 'bench/upstream-server.ts')], env);
    const upstreamUrl = (await firstLine(upstream, /http:\S+\/v1/)).trim();
    const configFile = path.join(dataDir, 'leitplanke.yaml');
    writeFileSync(
      configFile,
      `providers:\n  - { id: bench-upstream, type: openai-compatible, base_url: "${upstreamUrl}", zone: own, jurisdiction: DE }\n` +
        `models:\n  - { id: bench, provider: bench-upstream, upstream_model: bench, status: approved }\n`,
    );
    const leitplankeEnv = {
      ...process.env,
      LEITPLANKE_DATA_DIR: dataDir,
      LEITPLANKE_CONFIG: configFile,
      LEITPLANKE_PORT: '3977',
      LEITPLANKE_LOG_LEVEL: values['log-level'],
      LEITPLANKE_ADMIN_PASSWORD: 'bench admin password',
      ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
    };
    const key = execFileSync(
      process.execPath,
      [path.join(root, 'bin/leitplanke.js'), 'apikey', 'create', '--name', 'bench'],
      { env: leitplankeEnv, encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .pop()!;
    const gateway = child(
      [
        ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'bench/results')] : []),
        path.join(root, 'bin/leitplanke.js'),
        'start',
      ],
      leitplankeEnv,
    );
    await firstLine(gateway, /running at \S+/);
    const gatewayUrl = 'http://127.0.0.1:3977/v1';
    const bareProxy = child(['--import', 'tsx', path.join(root, 'bench/bare-proxy.ts')], {
      ...env,
      BENCH_UPSTREAM_URL: upstreamUrl,
    });
    const bareProxyUrl = (await firstLine(bareProxy, /http:\S+\/v1/)).trim();
    const rows: string[] = [];
    const modes = { both: [true, false], streaming: [true], 'non-streaming': [false] }[values.mode!];
    if (!modes) throw new Error(`--mode must be both, streaming or non-streaming, not ${values.mode}`);
    for (const stream of modes) {
      await run(upstreamUrl, undefined, stream, 'warm-up direct');
      await run(gatewayUrl, key, stream, 'warm-up gateway');
      await run(bareProxyUrl, undefined, stream, 'warm-up bare proxy');
      const direct = await run(upstreamUrl, undefined, stream, 'direct');
      const through = await run(gatewayUrl, key, stream, 'gateway');
      const bare = await run(bareProxyUrl, undefined, stream, 'bare proxy');
      const added = (path: Sample[], pick: (sample: Sample) => number, p: number) =>
        percentile(path.map(pick), p) - percentile(direct.samples.map(pick), p);
      const measure = (pick: (sample: Sample) => number, p: number) => added(through.samples, pick, p);
      const bareTotal = (p: number) => added(bare.samples, (s) => s.total, p).toFixed(2);
      rows.push(
        `| ${stream ? 'streaming' : 'non-streaming'} | ${total} | ${concurrency} | ${measure((s) => s.ttft, 50).toFixed(2)} | ${measure((s) => s.ttft, 99).toFixed(2)} | ` +
          `${measure((s) => s.total, 50).toFixed(2)} | ${measure((s) => s.total, 99).toFixed(2)} | ${(total / direct.seconds).toFixed(0)} | ${(total / through.seconds).toFixed(0)} | ${((direct.seconds / through.seconds) * 100).toFixed(1)} % | ${(total / bare.seconds).toFixed(0)} (${((direct.seconds / bare.seconds) * 100).toFixed(1)} %) | ${bareTotal(50)} / ${bareTotal(99)} | ${rssMb(gateway.pid!).toFixed(0)} MB |`,
      );
    }
    console.log(
      `\nGateway overhead — upstream TTFT ${values['ttft-ms']} ms, ${values['chunk-ms']} ms between chunks, log level ${values['log-level']}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? ''}), Node ${process.version}\n`,
    );
    console.log(
      '| mode | requests | concurrency | added TTFT p50 (ms) | added TTFT p99 (ms) | added total p50 (ms) | added total p99 (ms) | direct req/s | gateway req/s | throughput vs direct | bare proxy req/s (vs direct) | bare proxy added total p50 / p99 (ms) | gateway RSS |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    const exited = children
      .filter((started) => started.exitCode === null && started.signalCode === null)
      .map((started) => new Promise((resolve) => started.once('exit', resolve)));
    for (const started of children) started.kill('SIGTERM');
    await Promise.all(exited);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

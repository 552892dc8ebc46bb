import { Counter, Histogram, type Registry } from 'prom-client';
import type { Usage } from './openai-types.js';

/** Prometheus metrics of the model path: calls, refusals, tokens, latency and energy per model. */
export function createGatewayMetrics(registry: Registry) {
  const requests = new Counter({ name: 'leitplanke_gateway_requests_total', help: 'Model calls by model, provider and outcome', labelNames: ['model', 'provider', 'outcome'], registers: [registry] });
  const refusals = new Counter({ name: 'leitplanke_gateway_refusals_total', help: 'Calls refused before reaching a provider, by reason', labelNames: ['reason'], registers: [registry] });
  const tokens = new Counter({ name: 'leitplanke_gateway_tokens_total', help: 'Tokens by model and direction', labelNames: ['model', 'direction'], registers: [registry] });
  const energy = new Counter({ name: 'leitplanke_gateway_energy_wh_total', help: 'Estimated or measured energy (Wh) by model', labelNames: ['model'], registers: [registry] });
  const buckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
  const ttft = new Histogram({ name: 'leitplanke_gateway_time_to_first_token_seconds', help: 'Time to first token', labelNames: ['model'], buckets, registers: [registry] });
  const duration = new Histogram({ name: 'leitplanke_gateway_call_duration_seconds', help: 'Duration of model calls', labelNames: ['model'], buckets, registers: [registry] });
  return {
    refusals,
    observe(call: { model: string; provider: string; outcome: string; usage: Usage; durationMs: number; ttftMs: number | undefined; energyWh: number }): void {
      requests.inc({ model: call.model, provider: call.provider, outcome: call.outcome });
      tokens.inc({ model: call.model, direction: 'in' }, call.usage.prompt_tokens);
      tokens.inc({ model: call.model, direction: 'out' }, call.usage.completion_tokens);
      energy.inc({ model: call.model }, call.energyWh);
      duration.observe({ model: call.model }, call.durationMs / 1000);
      if (call.ttftMs !== undefined) ttft.observe({ model: call.model }, call.ttftMs / 1000);
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

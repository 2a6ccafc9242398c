import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one server instance. A registry per app (not the
 * global default) so tests and several in-process instances never collide.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestSeconds = new Histogram({
    name: 'till_sync_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    requestSeconds,
    pushedRows: new Counter({
      name: 'till_sync_pushed_rows_total',
      help: 'Rows received in pushes, by collection and outcome',
      labelNames: ['collection', 'outcome'] as const,
      registers: [registry],
    }),
    journalIncidents: new Counter({
      name: 'till_sync_journal_incidents_total',
      help: 'Journal gaps, breaks and rewrites recorded on arrival',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    openStreams: new Gauge({
      name: 'till_sync_open_streams',
      help: 'Live change streams open on this instance',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids in paths would explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestSeconds
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

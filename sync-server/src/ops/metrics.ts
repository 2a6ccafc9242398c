import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry, Summary } from 'prom-client';

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
    // Projection lag: from the moment a push queued an entry (its journal row
    // committed with it) to the commit of its projection, per entry, as
    // measured by the instance that projected it (docs/projections.md).
    projectionLagSeconds: new Histogram({
      name: 'till_sync_projection_lag_seconds',
      help: 'Time from a journal entry being queued by its push to its projection committing',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    projectionLagQuantiles: new Summary({
      name: 'till_sync_projection_lag_quantile_seconds',
      help: 'Projection lag quantiles over the last 10 minutes (this instance)',
      percentiles: [0.5, 0.9, 0.99],
      maxAgeSeconds: 600,
      ageBuckets: 5,
      registers: [registry],
    }),
    projectedEntries: new Counter({
      name: 'till_sync_projected_entries_total',
      help: 'Journal entries projected by this instance',
      registers: [registry],
    }),
    projectionFailures: new Counter({
      name: 'till_sync_projection_failures_total',
      help: 'Projection batches that failed (retried), and entries parked after failing alone',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    projectionQueued: new Gauge({
      name: 'till_sync_projection_queue_entries',
      help: 'Entries waiting for projection after the last pass of this instance (parked ones excluded)',
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

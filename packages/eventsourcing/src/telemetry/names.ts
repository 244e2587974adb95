/**
 * The names of the spans, metrics and attributes the kernel reports through OpenTelemetry, in
 * one place so that dashboards and docs/operations.md can rely on them.
 */
export const TELEMETRY = {
  spans: {
    /** One command handled (read, decide, append, retries included); suffixed with its type. */
    command: 'cartes_badges.command',
    /** One append to a stream. */
    append: 'cartes_badges.append',
    /** One read of a stream (to fold it before deciding, or to read back what was appended). */
    readStream: 'cartes_badges.read_stream',
    /** One batch of events applied by a projection or reactor runner. */
    projectionBatch: 'cartes_badges.projection.batch',
    /** One reactor effect run for one event (its retries included). */
    reactorDelivery: 'cartes_badges.reactor.delivery',
  },
  metrics: {
    /** Matching events stored after a running projection's or reactor's checkpoint. */
    projectionLag: 'cartes_badges.projection.lag',
    /** Commands decided again after a concurrency conflict. */
    commandRetries: 'cartes_badges.command.retries',
    /** Reactor effects attempted again after a failure. */
    reactorRetries: 'cartes_badges.reactor.retries',
  },
  attributes: {
    commandType: 'cartes_badges.command.type',
    stream: 'cartes_badges.stream',
    outcome: 'cartes_badges.outcome',
    retries: 'cartes_badges.command.retries',
    errorCode: 'cartes_badges.error.code',
    eventCount: 'cartes_badges.event.count',
    expectedVersion: 'cartes_badges.expected_version',
    projection: 'cartes_badges.projection',
    position: 'cartes_badges.position',
    eventType: 'cartes_badges.event.type',
    key: 'cartes_badges.reactor.key',
    skipped: 'cartes_badges.reactor.skipped',
  },
} as const;

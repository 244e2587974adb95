// The kernel's three instruments as a dashboard reads them (name, kind, unit, description,
// attributes, values), the lag probes' life cycle, and instruments made again on a meter provider
// registered later: docs/operations.md "What to monitor" documents each.
import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  MeterProvider,
  MetricReader,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { countCommandRetry, countReactorRetry, reportLag } from './metrics';
import { TELEMETRY } from './names';
import { INSTRUMENTATION_SCOPE } from './opentelemetry-api';

class OnDemandReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.DELTA });
  }
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** A meter provider registered globally, and what a collection gives, by metric name. */
function registerMeterProvider() {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  metrics.disable();
  metrics.setGlobalMeterProvider(provider);
  return {
    async collect(): Promise<Map<string, MetricData>> {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw errors[0];
      const scopes = resourceMetrics.scopeMetrics.filter((s) => s.scope.name === INSTRUMENTATION_SCOPE);
      return new Map(scopes.flatMap((s) => s.metrics).map((m) => [m.descriptor.name, m]));
    },
    shutdown: () => provider.shutdown(),
  };
}

const points = (metric: MetricData | undefined) =>
  (metric?.dataPoints ?? []).map((p) => ({ attributes: p.attributes, value: p.value }));

afterEach(() => metrics.disable());

describe('kernel metrics', () => {
  it('describes each instrument as docs/operations.md does: kind, unit and description', async () => {
    const sdk = registerMeterProvider();
    countCommandRetry('SaveTab');
    countReactorRetry('notifications');
    const stop = reportLag('list', async () => 3);
    const collected = await sdk.collect();
    stop();
    const descriptors = [...collected.values()].map((m) => ({
      name: m.descriptor.name,
      type: m.dataPointType,
      unit: m.descriptor.unit,
      description: m.descriptor.description,
    }));
    expect(descriptors.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        name: TELEMETRY.metrics.commandRetries,
        type: DataPointType.SUM,
        unit: '{retry}',
        description: 'Commands read and decided again after a concurrency conflict',
      },
      {
        name: TELEMETRY.metrics.projectionLag,
        type: DataPointType.GAUGE,
        unit: '{event}',
        description: 'Matching events stored after the checkpoint of a running projection or reactor',
      },
      {
        name: TELEMETRY.metrics.reactorRetries,
        type: DataPointType.SUM,
        unit: '{retry}',
        description: 'Reactor effects attempted again after a failure',
      },
    ]);
    await sdk.shutdown();
  });

  it('counts retries by command type and by reactor, one at a time', async () => {
    const sdk = registerMeterProvider();
    countCommandRetry('SaveTab');
    countCommandRetry('SaveTab');
    countCommandRetry('Transmit');
    countReactorRetry('notifications');
    const collected = await sdk.collect();
    expect(points(collected.get(TELEMETRY.metrics.commandRetries))).toEqual([
      { attributes: { [TELEMETRY.attributes.commandType]: 'SaveTab' }, value: 2 },
      { attributes: { [TELEMETRY.attributes.commandType]: 'Transmit' }, value: 1 },
    ]);
    expect(points(collected.get(TELEMETRY.metrics.reactorRetries))).toEqual([
      { attributes: { [TELEMETRY.attributes.projection]: 'notifications' }, value: 1 },
    ]);
    await sdk.shutdown();
  });

  it('reports each probe by name at collection, skipping one that fails or has no figure now', async () => {
    const sdk = registerMeterProvider();
    const asked: string[] = [];
    const stops = [
      reportLag('dossiers', async () => (asked.push('dossiers'), 4)),
      reportLag('brouillons', async () => (asked.push('brouillons'), 0)),
      reportLag('broken', async () => {
        asked.push('broken');
        throw new Error('store unreachable');
      }),
      reportLag('starting', async () => (asked.push('starting'), undefined)),
    ];
    expect(asked).toEqual([]);
    const collected = await sdk.collect();
    expect(asked.sort()).toEqual(['broken', 'brouillons', 'dossiers', 'starting']);
    expect(points(collected.get(TELEMETRY.metrics.projectionLag))).toEqual([
      { attributes: { [TELEMETRY.attributes.projection]: 'dossiers' }, value: 4 },
      { attributes: { [TELEMETRY.attributes.projection]: 'brouillons' }, value: 0 },
    ]);
    for (const stop of stops) stop();
    await sdk.shutdown();
  });

  it('stops asking a probe once stopped, but not one registered since under the same name', async () => {
    const sdk = registerMeterProvider();
    let first = 0;
    let second = 0;
    const stopFirst = reportLag('dossiers', async () => ++first);
    const stopSecond = reportLag('dossiers', async () => ++second + 100);
    stopFirst(); // the first holder stops after another instance's runner took the name
    const collected = await sdk.collect();
    expect([first, second]).toEqual([0, 1]);
    expect(points(collected.get(TELEMETRY.metrics.projectionLag))).toEqual([
      { attributes: { [TELEMETRY.attributes.projection]: 'dossiers' }, value: 101 },
    ]);
    stopSecond();
    await sdk.collect();
    expect(second).toBe(1);
    await sdk.shutdown();
  });

  it('makes its instruments again on a meter provider registered later, once', async () => {
    const before = registerMeterProvider();
    countCommandRetry('SaveTab');
    expect(points((await before.collect()).get(TELEMETRY.metrics.commandRetries))).toHaveLength(1);

    const after = registerMeterProvider();
    countCommandRetry('Transmit');
    countCommandRetry('Transmit');
    expect(points((await after.collect()).get(TELEMETRY.metrics.commandRetries))).toEqual([
      { attributes: { [TELEMETRY.attributes.commandType]: 'Transmit' }, value: 2 },
    ]);
    expect((await before.collect()).get(TELEMETRY.metrics.commandRetries)).toBeUndefined();
    await Promise.all([before.shutdown(), after.shutdown()]);
  });
});

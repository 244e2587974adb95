import type { Counter, MeterProvider, ObservableResult } from '@opentelemetry/api';
import { TELEMETRY } from './names';
import { INSTRUMENTATION_SCOPE, openTelemetry, type OpenTelemetry } from './opentelemetry-api';

/** Measures how many events a running projection still has to apply (undefined: not now). */
export type LagProbe = () => Promise<number | undefined>;

interface Instruments {
  readonly provider: MeterProvider;
  readonly commandRetries: Counter;
  readonly reactorRetries: Counter;
}

/** The running projections and reactors whose lag the gauge reports, by name. */
const lagProbes = new Map<string, LagProbe>();
let current: Instruments | undefined;

/**
 * The kernel's instruments on the meter provider registered now. The metrics API has no proxy
 * (a meter taken before an SDK is registered stays a no-op for good), so they are made again
 * when the provider changed: one comparison per call otherwise.
 */
function instruments(api: OpenTelemetry): Instruments {
  const provider = api.metrics.getMeterProvider();
  if (current?.provider === provider) return current;
  const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
  meter
    .createObservableGauge(TELEMETRY.metrics.projectionLag, {
      description: 'Matching events stored after the checkpoint of a running projection or reactor',
      unit: '{event}',
    })
    .addCallback(observeLags);
  current = {
    provider,
    commandRetries: meter.createCounter(TELEMETRY.metrics.commandRetries, {
      description: 'Commands read and decided again after a concurrency conflict',
      unit: '{retry}',
    }),
    reactorRetries: meter.createCounter(TELEMETRY.metrics.reactorRetries, {
      description: 'Reactor effects attempted again after a failure',
      unit: '{retry}',
    }),
  };
  return current;
}

// Asked by the SDK at each collection only: no lag is measured while nobody collects.
async function observeLags(result: ObservableResult): Promise<void> {
  await Promise.all(
    [...lagProbes].map(async ([name, probe]) => {
      const lag = await probe().catch(() => undefined);
      if (lag !== undefined) result.observe(lag, { [TELEMETRY.attributes.projection]: name });
    }),
  );
}

/** Counts one command decided again after a concurrency conflict. */
export function countCommandRetry(commandType: string): void {
  const api = openTelemetry();
  if (api !== null)
    instruments(api).commandRetries.add(1, { [TELEMETRY.attributes.commandType]: commandType });
}

/** Counts one reactor effect attempted again. */
export function countReactorRetry(reactor: string): void {
  const api = openTelemetry();
  if (api !== null) instruments(api).reactorRetries.add(1, { [TELEMETRY.attributes.projection]: reactor });
}

/**
 * Reports the lag of a running projection or reactor until the returned function is called.
 * Call `refreshMetrics` now and then (each batch does) so that an SDK registered after the
 * start sees the gauge too.
 */
export function reportLag(name: string, probe: LagProbe): () => void {
  lagProbes.set(name, probe);
  refreshMetrics();
  return () => {
    if (lagProbes.get(name) === probe) lagProbes.delete(name);
  };
}

/** Makes the instruments on a meter provider registered since the last call. */
export function refreshMetrics(): void {
  const api = openTelemetry();
  if (api !== null) instruments(api);
}

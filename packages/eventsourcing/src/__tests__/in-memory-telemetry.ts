import { metrics, trace } from '@opentelemetry/api';
import {
  DataPointType,
  MeterProvider,
  MetricReader,
  type GaugeMetricData,
  type SumMetricData,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

// A reader that exports nowhere: the test asks it to collect when it wants the figures.
class OnDemandReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** An OpenTelemetry SDK registered globally, keeping spans and metrics in memory for a test. */
export interface InMemoryTelemetry {
  /** The spans ended so far. */
  spans(): ReadableSpan[];
  /** The spans named `name` (or starting with `name ` for the kernel's suffixed names). */
  spansNamed(name: string): ReadableSpan[];
  /** The sum of a counter's points whose attributes include `attributes`. */
  counter(name: string, attributes?: Record<string, string>): Promise<number>;
  /** A gauge's values by one of its attributes. */
  gauge(name: string, byAttribute: string): Promise<Record<string, number>>;
  reset(): void;
  uninstall(): Promise<void>;
}

/** Registers the in-memory SDK (tracer and meter providers) as the global one. */
export function installInMemoryTelemetry(): InMemoryTelemetry {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);

  const collectMetric = async (name: string) => {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length > 0) throw errors[0];
    return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
  };
  return {
    spans: () => exporter.getFinishedSpans(),
    spansNamed: (name) =>
      exporter.getFinishedSpans().filter((s) => s.name === name || s.name.startsWith(`${name} `)),
    async counter(name, attributes = {}) {
      const metric = (await collectMetric(name)) as SumMetricData | undefined;
      if (metric === undefined) return 0;
      if (metric.dataPointType !== DataPointType.SUM) throw new Error(`${name} is not a counter`);
      return metric.dataPoints
        .filter((p) => Object.entries(attributes).every(([k, v]) => p.attributes[k] === v))
        .reduce((sum, p) => sum + p.value, 0);
    },
    async gauge(name, byAttribute) {
      const metric = (await collectMetric(name)) as GaugeMetricData | undefined;
      if (metric === undefined) return {};
      if (metric.dataPointType !== DataPointType.GAUGE) throw new Error(`${name} is not a gauge`);
      return Object.fromEntries(metric.dataPoints.map((p) => [String(p.attributes[byAttribute]), p.value]));
    },
    reset: () => exporter.reset(),
    async uninstall() {
      trace.disable();
      metrics.disable();
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}

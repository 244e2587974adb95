import { trace } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { installInMemoryTelemetry } from '../__tests__/in-memory-telemetry';
import { inSpan, type SpanStart } from './spans';

// Counts how often a span's name and attributes were asked for.
function countedStart(): { start: () => SpanStart; readonly built: () => number } {
  let built = 0;
  return {
    start: () => {
      built++;
      return { name: 'work', attributes: { 'test.attribute': 1 } };
    },
    built: () => built,
  };
}

const recordingOf = (start: () => SpanStart): Promise<boolean> =>
  inSpan(start, async (scope) => scope.recording);

describe('spans with @opentelemetry/api installed', () => {
  it('no SDK registered: no span is started, its name and attributes are never built, the work runs unrecorded', async () => {
    const { start, built } = countedStart();
    expect(await recordingOf(start)).toBe(false);
    expect(built()).toBe(0);
  });

  it('an SDK registered after the first calls records the next ones; once it is removed, none again', async () => {
    const { start, built } = countedStart();
    await recordingOf(start);
    const telemetry = installInMemoryTelemetry();
    try {
      expect(await recordingOf(start)).toBe(true);
      expect(telemetry.spansNamed('work')).toHaveLength(1);
    } finally {
      await telemetry.uninstall();
    }
    expect(await recordingOf(start)).toBe(false);
    expect(built()).toBe(1);
  });

  it('an SDK that samples the span out: it is asked for but not recorded, and the work runs unrecorded', async () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ sampler: new AlwaysOffSampler() }));
    try {
      const { start, built } = countedStart();
      expect(await recordingOf(start)).toBe(false);
      expect(built()).toBe(1);
    } finally {
      trace.disable();
    }
  });

  it('a work that throws at once is a rejected promise, as from an async function', async () => {
    const throwing = inSpan(countedStart().start, () => {
      throw new Error('at once');
    });
    await expect(throwing).rejects.toThrow('at once');
  });

  it('a failure is recorded on the span (status, message, exception) and thrown again as it was', async () => {
    const telemetry = installInMemoryTelemetry();
    try {
      const refusal = new Error('store down');
      await expect(inSpan(countedStart().start, () => Promise.reject(refusal))).rejects.toBe(refusal);
      await expect(inSpan(countedStart().start, () => Promise.reject('a bare text'))).rejects.toBe(
        'a bare text',
      );
      const [first, second] = telemetry.spansNamed('work');
      expect(first.status).toEqual({ code: SpanStatusCode.ERROR, message: 'store down' });
      expect(first.events.map((e) => [e.name, e.attributes?.['exception.message']])).toEqual([
        ['exception', 'store down'],
      ]);
      expect(second.status).toEqual({ code: SpanStatusCode.ERROR, message: 'a bare text' });
      expect(second.events.map((e) => [e.name, e.attributes?.['exception.message']])).toEqual([
        ['exception', 'a bare text'],
      ]);
    } finally {
      await telemetry.uninstall();
    }
  });

  it("a provider that is not the API's proxy (another copy of the API) is used as it is, its tracer taken once", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const getTracer = jest.spyOn(provider, 'getTracer');
    const spy = jest.spyOn(trace, 'getTracerProvider').mockReturnValue(provider);
    try {
      expect(await recordingOf(countedStart().start)).toBe(true);
      expect(await recordingOf(countedStart().start)).toBe(true);
      expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['work', 'work']);
      expect(getTracer.mock.calls).toEqual([['@cartes-badges/eventsourcing']]);
    } finally {
      spy.mockRestore();
    }
  });
});

import { trace } from '@opentelemetry/api';
import { AlwaysOffSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
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
});

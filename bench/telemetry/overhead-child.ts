/**
 * One run of the telemetry overhead benchmark (started by overhead.ts): commands handled on the
 * in-memory store, with OpenTelemetry absent, installed without an SDK, or with an SDK that
 * records every span (exported nowhere). Sends { commandsPerSecond } to the parent.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInMemoryEventStore, handleCommand, type Decider } from '@cartes-badges/eventsourcing';
import { right } from 'fp-ts/Either';

type Mode = 'absent' | 'api-without-sdk' | 'sdk-recording';

type Incremented = { type: 'Incremented'; data: { by: number } };
const counter: Decider<{ type: 'Increment'; by: number }, Incremented, number, undefined, never> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command) => right([{ type: 'Incremented', data: { by: command.by } }]),
};

// The API and SDK are devDependencies of the kernel: resolved from there, as the kernel does.
const fromKernel = createRequire(join(__dirname, '../../packages/eventsourcing/package.json'));

function apiResolves(): boolean {
  try {
    fromKernel.resolve('@opentelemetry/api');
    return true;
  } catch {
    return false;
  }
}

/** The part of the OpenTelemetry API and SDK used here (bench/ has not their types). */
interface OpenTelemetryParts {
  trace: { setGlobalTracerProvider(provider: unknown): void };
  BasicTracerProvider: new (config: { spanProcessors: unknown[] }) => unknown;
  BatchSpanProcessor: new (exporter: unknown) => unknown;
}

function installRecordingSdk(): void {
  const { trace } = fromKernel('@opentelemetry/api') as OpenTelemetryParts;
  const sdk = fromKernel('@opentelemetry/sdk-trace-base') as OpenTelemetryParts;
  const discard = {
    export: (_spans: unknown, done: (result: { code: 0 }) => void) => done({ code: 0 }),
    shutdown: async () => undefined,
  };
  trace.setGlobalTracerProvider(
    new sdk.BasicTracerProvider({ spanProcessors: [new sdk.BatchSpanProcessor(discard)] }),
  );
}

async function run(streams: number, commandsPerStream: number): Promise<number> {
  const store = createInMemoryEventStore();
  const actor = { role: 'system', userId: 'bench' };
  const started = process.hrtime.bigint();
  for (let round = 0; round < commandsPerStream; round++) {
    for (let s = 0; s < streams; s++) {
      await handleCommand(
        store,
        counter,
        `counter-${s}`,
        { type: 'Increment', by: 1 },
        {
          commandId: `c-${s}-${round}`,
          actor,
          context: undefined,
        },
      );
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (streams * commandsPerStream) / seconds;
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode;
  const streams = Number(process.argv[3]);
  if (mode === 'sdk-recording') installRecordingSdk();
  if (apiResolves() !== (mode !== 'absent'))
    throw new Error(`mode ${mode}, but @opentelemetry/api resolves: ${apiResolves()}`);
  await run(Math.ceil(streams / 10), 5); // warm-up
  const commandsPerSecond = await run(streams, 5);
  process.send?.({ commandsPerSecond });
}

void main();

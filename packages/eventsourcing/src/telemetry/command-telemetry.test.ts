import { SpanStatusCode } from '@opentelemetry/api';
import { isLeft, right } from 'fp-ts/Either';
import { accountDecider } from '../__tests__/account-decider';
import { installInMemoryTelemetry, type InMemoryTelemetry } from '../__tests__/in-memory-telemetry';
import { handleCommand } from '../command-handler';
import { createInMemoryEventStore } from '../in-memory-store';
import type { EventStore } from '../store';
import { TELEMETRY } from './names';
import { assertLeft, assertRight } from '../testing';

const actor = { role: 'adherent', userId: 'u-1' };
const context = { now: '2024-05-01T08:30:00.000Z' };
const A = TELEMETRY.attributes;

let telemetry: InMemoryTelemetry;
beforeAll(() => {
  telemetry = installInMemoryTelemetry();
});
afterEach(() => telemetry.reset());
afterAll(() => telemetry.uninstall());

async function openAccount(store: EventStore, streamId: string): Promise<void> {
  const opened = await handleCommand(
    store,
    accountDecider,
    streamId,
    { kind: 'Open', owner: 'Ada' },
    {
      commandId: `open-${streamId}`,
      actor,
      context,
    },
  );
  if (isLeft(opened)) throw new Error('could not open the account');
}

describe('command handling spans', () => {
  it('one span per command names its type, stream and outcome; the read and the append are its children', async () => {
    const store = createInMemoryEventStore();
    await openAccount(store, 'account-1');

    const [command] = telemetry.spansNamed(TELEMETRY.spans.command);
    expect(command.name).toBe(`${TELEMETRY.spans.command} Open`);
    expect(command.attributes).toMatchObject({
      [A.commandType]: 'Open',
      [A.stream]: 'account-1',
      [A.outcome]: 'appended',
      [A.retries]: 0,
    });
    const children = telemetry
      .spans()
      .filter((s) => s.parentSpanContext?.spanId === command.spanContext().spanId);
    expect(children.map((s) => s.name).sort()).toEqual([TELEMETRY.spans.append, TELEMETRY.spans.readStream]);
    const [append] = telemetry.spansNamed(TELEMETRY.spans.append);
    expect(append.attributes).toMatchObject({
      [A.stream]: 'account-1',
      [A.eventCount]: 1,
      [A.expectedVersion]: -1,
    });
    expect(command.spanContext().traceId).toBe(append.spanContext().traceId);
    const [read] = telemetry.spansNamed(TELEMETRY.spans.readStream);
    expect(read.attributes).toEqual({ [A.stream]: 'account-1', [A.position]: -1 });
  });

  it('a concurrency conflict decided again is counted: retries attribute and retries counter', async () => {
    const store = createInMemoryEventStore();
    await openAccount(store, 'account-2');
    telemetry.reset();
    const before = await telemetry.counter(TELEMETRY.metrics.commandRetries, { [A.commandType]: 'Deposit' });
    let otherWriterDone = false;
    const result = await handleCommand(
      store,
      accountDecider,
      'account-2',
      { kind: 'Deposit', amount: 5 },
      {
        commandId: 'deposit-1',
        actor,
        // Another writer appends between this command's read and its append, once.
        resolveContext: async () => {
          if (!otherWriterDone) {
            otherWriterDone = true;
            await store.appendToStream('account-2', [
              { type: 'Deposited', data: { amount: 1, at: context.now } },
            ]);
          }
          return right(context);
        },
      },
    );
    assertRight(result);
    const [command] = telemetry.spansNamed(TELEMETRY.spans.command);
    expect(command.attributes).toMatchObject({ [A.outcome]: 'appended', [A.retries]: 1 });
    const appends = telemetry.spansNamed(TELEMETRY.spans.append);
    expect(appends.map((s) => s.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.UNSET]);
    expect(await telemetry.counter(TELEMETRY.metrics.commandRetries, { [A.commandType]: 'Deposit' })).toBe(
      before + 1,
    );
  });

  it('a refusal is an outcome with its code, not a failed span; a retried command id says already_handled', async () => {
    const store = createInMemoryEventStore();
    const refused = await handleCommand(
      store,
      accountDecider,
      'account-3',
      { kind: 'Deposit', amount: 5 },
      {
        commandId: 'deposit-closed',
        actor,
        context,
      },
    );
    assertLeft(refused);
    await openAccount(store, 'account-3');
    await openAccount(store, 'account-3');
    const outcomes = telemetry
      .spansNamed(TELEMETRY.spans.command)
      .map((s) => [s.attributes[A.outcome], s.attributes[A.errorCode], s.status.code]);
    expect(outcomes).toEqual([
      ['refused', 'NOT_OPEN', SpanStatusCode.UNSET],
      ['appended', undefined, SpanStatusCode.UNSET],
      ['already_handled', undefined, SpanStatusCode.UNSET],
    ]);
  });

  it('a decider that throws ends its span in error, with the exception recorded, and still throws', async () => {
    const store = createInMemoryEventStore();
    await expect(
      handleCommand(
        store,
        accountDecider,
        'account-4',
        { kind: 'Explode' },
        { commandId: 'boom', actor, context },
      ),
    ).rejects.toThrow('kaboom');
    const [command] = telemetry.spansNamed(TELEMETRY.spans.command);
    expect(command.status.code).toBe(SpanStatusCode.ERROR);
    expect(command.events.map((e) => e.name)).toEqual(['exception']);
  });
});

import { accountDecider } from '../__tests__/account-decider';
import { handleCommand } from '../command-handler';
import { createInMemoryEventStore } from '../in-memory-store';
import { startProjection } from '../projection-runner';
import { createInMemoryReactorLedger, defineReactor, reactorRunnable } from '../reactor';
import { openTelemetry } from './opentelemetry-api';
import { assertRight } from '../testing';

// The application did not install the optional peer: requiring it fails as Node would (jest
// hoists this above the imports).
jest.mock('@opentelemetry/api', () => {
  throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
});

describe('without @opentelemetry/api installed', () => {
  it('commands, projections and reactors work, and telemetry is off', async () => {
    expect(openTelemetry()).toBeNull();
    const store = createInMemoryEventStore();
    const opened = await handleCommand(
      store,
      accountDecider,
      'account-1',
      { kind: 'Open', owner: 'Ada' },
      {
        commandId: 'open-1',
        actor: { role: 'adherent', userId: 'u-1' },
        context: { now: '2024-05-01T08:30:00.000Z' },
      },
    );
    assertRight(opened);
    const reacted: string[] = [];
    const reactor = defineReactor({
      name: 'notifier',
      react: async (event) => void reacted.push(event.type),
    });
    const running = startProjection(store, reactorRunnable(reactor, createInMemoryReactorLedger()));
    await running.whenIdle();
    await running.stop();
    expect(reacted).toEqual(['AccountOpened']);
  });
});

import { Writable } from 'node:stream';
import { createInMemoryEventStore } from './in-memory-store';
import type { Runnable } from './projection-target';
import { counted } from './testing';
import pino from 'pino';
import { superviseRunner } from './supervised-runner';

const failing: Runnable = {
  name: 'failing-list',
  target: {
    readCheckpoint: async () => undefined,
    applyBatch: async () => {
      throw new Error('read model unavailable');
    },
  },
};

async function failOnce(options: Parameters<typeof superviseRunner>[2]): Promise<void> {
  const store = createInMemoryEventStore();
  await store.appendToStream('s-1', counted(1));
  const runner = superviseRunner(store, failing, { restartDelayMs: 10_000, ...options });
  await expect(runner.whenIdle()).rejects.toThrow('read model unavailable');
  await new Promise((resolve) => setTimeout(resolve, 20));
  await runner.stop();
}

describe('supervised runner: where a failure is told', () => {
  it('a real pino logger is taken as it is: one warn line with the worker and the serialised error', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    await failOnce({ logger: pino({ base: null }, destination) });
    const [line] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(line).toMatchObject({
      level: 40,
      worker: 'failing-list',
      msg: 'projection runner stopped, restarting',
      err: { type: 'Error', message: 'read model unavailable' },
    });
  });

  it('with neither onError nor logger the failure goes to stderr, never nowhere', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await failOnce({});
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toBe('[cartes-badges] projection runner stopped, restarting');
      expect(warn.mock.calls[0][1]).toMatchObject({
        worker: 'failing-list',
        err: expect.objectContaining({ message: 'read model unavailable' }),
      });
    } finally {
      warn.mockRestore();
    }
  });

  it('onError, when given, is told instead of the logger', async () => {
    const told: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await failOnce({ onError: (name, error) => told.push(`${name}: ${(error as Error).message}`) });
      expect(told).toEqual(['failing-list: read model unavailable']);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

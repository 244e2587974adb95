// The names dashboards and alerts are built on: a rename breaks them silently, so the names are
// written out here, and docs/operations.md ("What to monitor") must list every span and metric.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TELEMETRY } from './names';

describe('TELEMETRY names', () => {
  it('are the published ones, word for word', () => {
    expect(TELEMETRY).toEqual({
      spans: {
        command: 'cartes_badges.command',
        append: 'cartes_badges.append',
        readStream: 'cartes_badges.read_stream',
        projectionBatch: 'cartes_badges.projection.batch',
        reactorDelivery: 'cartes_badges.reactor.delivery',
      },
      metrics: {
        projectionLag: 'cartes_badges.projection.lag',
        commandRetries: 'cartes_badges.command.retries',
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
    });
  });

  it('each span and metric has its row in docs/operations.md', () => {
    const operations = readFileSync(join(__dirname, '../../../../docs/operations.md'), 'utf8');
    const rows = operations.split('\n').filter((line) => line.startsWith('| `cartes_badges.'));
    const documented = rows.map((row) => /^\| `([a-z_.]+)/.exec(row)![1]);
    expect(documented.sort()).toEqual(
      [...Object.values(TELEMETRY.metrics), ...Object.values(TELEMETRY.spans)].sort(),
    );
  });
});

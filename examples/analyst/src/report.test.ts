import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHART_FILE, runReport } from './report';

describe('the analyst report (examples/analyst)', () => {
  it(
    'exports, queries, draws the chart shown in the README, and adds no part when nothing is new',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-report-'));
      try {
        const lines: string[] = [];
        const results = await runReport(dir, (text) => lines.push(text));
        expect(lines[0]).toMatch(/^\d+ événements exportés dans .*events-from-start\.parquet$/);
        expect(results['transmissions-per-month'].length).toBeGreaterThan(3);
        expect(lines.join('\n')).toContain('Dossiers en attente de compléments');
        const chart = fs.readFileSync(path.join(dir, CHART_FILE), 'utf8');
        expect(chart).toBe(fs.readFileSync(path.join(__dirname, '..', CHART_FILE), 'utf8'));
        const again: string[] = [];
        await runReport(dir, (text) => again.push(text));
        expect(again[0]).toBe('Aucun nouvel événement depuis le dernier export');
        expect(fs.readdirSync(path.join(dir, 'events')).sort()).toEqual([
          'events-from-start.parquet',
          'export-state.json',
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    scaledTimeout(120_000),
  );
});

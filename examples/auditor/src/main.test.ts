import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAudit } from './main';

describe('the auditor walk-through', () => {
  it('replays a dossier, gives its state at transmission, and catches a hand-made UPDATE by chain and by digest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-test-'));
    const lines: string[] = [];
    try {
      const outcome = await runAudit(dir, (line) => lines.push(line));
      expect(outcome.stateAtTransmission).toBe('Transmis');
      expect(outcome.beforeTampering.ok).toBe(true);
      expect(outcome.afterTampering.ok).toBe(false);
      expect(outcome.afterTampering.broken).toEqual([
        expect.objectContaining({
          streamId: outcome.tamperedStream,
          version: outcome.tamperedVersion,
          problem: 'altered',
        }),
      ]);
      expect(outcome.againstDigest).toEqual(
        expect.objectContaining({
          ok: false,
          mismatches: [
            expect.objectContaining({ streamId: outcome.tamperedStream, version: outcome.tamperedVersion }),
          ],
        }),
      );
      const text = lines.join('\n');
      expect(text).toContain(`Dossier ${outcome.dossierNumber}`);
      expect(text).toContain('Prise en charge accordée');
      expect(text).toContain('Chaîne de hachage intacte');
      expect(
        JSON.parse(fs.readFileSync(path.join(dir, 'digest.json'), 'utf8')).streams[outcome.tamperedStream],
      ).toBeDefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

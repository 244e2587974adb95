import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// End-to-end tests of the `cartes-badges` command on a temporary SQLite file. Commands run in
// this process (test-support/run-cli: the program's own `run`, output and exit code captured),
// which keeps the file well inside jest's timeout on a loaded machine; a few tests spawn the
// executable itself (bin.ts: help, exit codes, a reader closing the pipe).
import { openDossierSqlite } from './test-support/protected-store';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '@cartes-badges/eventsourcing';
import type { DossierEvent, DossierState } from '@cartes-badges/domain';
import { evolveDossier, initialDossierState, TRANSMITTED_STATUSES } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { cli as spawnCli, REPO_ROOT, SPAWN_TIMEOUT } from './test-support/spawn-cli';
import { cli } from './test-support/run-cli';
import { dropPostgresSchema } from './test-support/postgres-schema';
import { createProgram } from './program';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-cli-'));
const dbFile = path.join(dir, 'events.db');
const store = `sqlite:${dbFile}`;
const projections = path.join(REPO_ROOT, 'examples/analyst/src/projections');

// Every dossier's state, folded in this process straight from the SQLite file: the reference
// the CLI's output is checked against.
async function statesInFile(): Promise<Map<string, DossierState>> {
  const events = openDossierSqlite(dbFile);
  const states = new Map<string, DossierState>();
  try {
    for await (const event of events.readAll({ filter: { streamPrefix: 'dossier-' } })) {
      const id = event.streamId.slice('dossier-'.length);
      states.set(
        id,
        evolveDossier(states.get(id) ?? initialDossierState(), event as RecordedEvent<DossierEvent>),
      );
    }
  } finally {
    await events.close();
  }
  return states;
}

beforeAll(async () => {
  const run = await cli(['demo', '--dossiers', '25', '--store', store]);
  if (run.code !== 0) throw new Error(`demo failed: ${run.stderr}`);
  fs.writeFileSync(path.join(dir, 'demo-output.txt'), run.stdout);
}, scaledTimeout(120_000));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cartes-badges demo and the lists', () => {
  it('seeds the guide and random dossiers, prints both lists, and a second run writes nothing twice', async () => {
    const first = fs.readFileSync(path.join(dir, 'demo-output.txt'), 'utf8');
    expect(first).toMatch(/^Brouillons\n\d+ résultats? /);
    expect(first).toMatch(/\nDossiers\n\d+ résultats · page 1\/\d+ · 20 résultats par page/);
    expect(first).toContain('Numéro');
    const before = await statesInFile();
    const again = await cli(['demo', '--dossiers', '25', '--store', store]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 commandes appliquées, \d+ déjà traitées/);
    expect((await statesInFile()).size).toBe(before.size);
  });

  it('R-25 lists: totals and pages match the dossiers in the file; filters, search and --as work; --json for programs', async () => {
    const states = [...(await statesInFile()).values()];
    const transmitted = states.filter((s) => TRANSMITTED_STATUSES.includes(s.status));
    const transmis = transmitted.filter((s) => s.status === 'transmitted');
    const claireDrafts = states.filter(
      (s) => s.establishment?.siret === '81234567600017' && ['draft', 'presaisie'].includes(s.status),
    );
    const [all, page2, onlyTransmis, asClaire, chrono, badState] = await Promise.all([
      cli(['dossiers', '--json', '--store', store]),
      cli(['dossiers', '--json', '--page', '2', '--store', store]),
      cli(['dossiers', '--etat', 'Transmis', '--json', '--store', store]),
      cli(['brouillons', '--as', 'claire', '--json', '--store', store]),
      cli(['dossiers', '--search', 'chronotachygraphe', '--type', 'CHRONO', '--store', store]),
      cli(['dossiers', '--etat', 'Perdu', '--store', store]),
    ]);
    const allPage = JSON.parse(all.stdout);
    expect(allPage.total).toBe(transmitted.length);
    expect(allPage.rows).toHaveLength(Math.min(20, transmitted.length));
    expect(JSON.parse(page2.stdout).rows).toHaveLength(Math.max(0, Math.min(20, transmitted.length - 20)));
    expect(JSON.parse(onlyTransmis.stdout).total).toBe(transmis.length);
    expect(JSON.parse(asClaire.stdout).total).toBe(claireDrafts.length);
    expect(chrono.code).toBe(0);
    expect(chrono.stdout).toMatch(/^\d+ résultats? /);
    expect(chrono.stdout).not.toContain('Carte BTP');
    expect(badState.code).toBe(2);
    expect(badState.stderr).toMatch(/--etat « Perdu » : état inconnu/);
    expect(badState.stdout).toBe('');
  });

  it('rebuild folds both lists again and reports their rows', async () => {
    const run = await cli(['rebuild', 'all', '--json', '--store', store]);
    expect(run.code).toBe(0);
    const reports = JSON.parse(run.stdout);
    const transmitted = [...(await statesInFile()).values()].filter((s) =>
      TRANSMITTED_STATUSES.includes(s.status),
    );
    expect(reports.map((r: { list: string }) => r.list)).toEqual(['brouillons', 'dossiers']);
    expect(reports[1].listedRows).toBe(transmitted.length);
    expect(reports[0].eventsProcessed).toBeGreaterThan(0);
  });
});

describe('show and history', () => {
  it('show prints the dossier with each tab status and its messages; history gives the timeline in text, JSON and HTML', async () => {
    const states = [...(await statesInFile()).values()];
    const closed = states.find((s) => s.status === 'closed' && s.dossierNumber !== null)!;
    const draft = states.find((s) => s.status === 'draft' && s.documents.length === 0)!;
    const htmlFile = path.join(dir, 'history.html');
    const [showDraft, showJson, text, json, html] = await Promise.all([
      cli(['show', String(draft.draftNumber), '--store', store]),
      cli(['show', closed.dossierNumber!, '--json', '--store', store]),
      cli(['history', closed.dossierNumber!, '--store', store]),
      cli(['history', closed.dossierId!, '--format', 'json', '--store', store]),
      cli(['history', String(closed.draftNumber), '--format', 'html', '--out', htmlFile, '--store', store]),
    ]);
    expect(showDraft.code).toBe(0);
    expect(showDraft.stdout).toContain(`Brouillon n° ${draft.draftNumber} — En cours de saisie`);
    expect(showDraft.stdout).toMatch(
      /✗ Documents\n[\s\S]*0\/2 types de documents obligatoires à transmettre/,
    );
    const shown = JSON.parse(showJson.stdout);
    expect(shown.label).toBe('Clôturé');
    expect(shown.tabs.valid).toBe(true);

    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Dossier ${closed.dossierNumber}`);
    expect(text.stdout).toMatch(
      /#0 {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC {2}Adhérent · u-\S+ · SIRET \d{14}/,
    );
    expect(text.stdout).toContain(`Dossier transmis à l'OPCO : n° ${closed.dossierNumber}`);
    expect(text.stdout).toMatch(
      /Gestionnaire OPCO · u-nathalie-lefebvre\n {4}Dossier clôturé\n {4}→ Clôturé/,
    );
    expect(text.stdout).toContain('Chaîne de hachage intacte');

    const timeline = JSON.parse(json.stdout);
    expect(timeline.entries).toHaveLength(closed.version + 1);
    expect(timeline.entries.map((e: { version: number }) => e.version)).toEqual(
      Array.from({ length: closed.version + 1 }, (_, i) => i),
    );
    expect(timeline.summary.label).toBe('Clôturé');
    expect(timeline.integrity.ok).toBe(true);

    expect(html.code).toBe(0);
    const page = fs.readFileSync(htmlFile, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(closed.dossierNumber!);
    expect(page).not.toMatch(/<script|<link|src=|https?:\/\//);
    expect((page.match(/<tr class="event intact( un)?signed"/g) ?? []).length).toBe(closed.version + 1);
    expect(page).toContain(`--store sqlite:${dbFile}`);
    for (const entry of timeline.entries) expect(page).toContain(`<code class="hash">${entry.hash}</code>`);
  });

  it('history --at gives the state at that moment: only the events that had occurred', async () => {
    const states = [...(await statesInFile()).values()];
    const closed = states.find((s) => s.status === 'closed' && s.dossierNumber !== null)!;
    const full = JSON.parse(
      (await cli(['history', closed.dossierNumber!, '--json', '--store', store])).stdout,
    );
    const transmittedAt: string = full.entries.find(
      (e: { type: string }) => e.type === 'Transmitted',
    ).occurredAt;
    const atTransmission = JSON.parse(
      (await cli(['history', closed.dossierNumber!, '--at', transmittedAt, '--json', '--store', store]))
        .stdout,
    );
    expect(atTransmission.summary.label).toBe('Transmis');
    expect(atTransmission.entries.at(-1).type).toBe('Transmitted');
    expect(atTransmission.entries.length).toBeLessThan(full.entries.length);
    const before = await cli(['history', closed.dossierNumber!, '--at', '2001-01-01', '--store', store]);
    expect(before.stdout).toContain("Le dossier n'existait pas encore à cette date.");
  });
});

describe('verify and digest', () => {
  it('clean chains verify (0); a digest survives later appends; a hand-made UPDATE is caught (1) with stream and version', async () => {
    const digestFile = path.join(dir, 'digest.json');
    const [clean, digest] = await Promise.all([
      cli(['verify', '--store', store]),
      cli(['digest', '--out', digestFile, '--store', store]),
    ]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^OK {2}\d+ flux, \d+ événements : toutes les chaînes sont intactes/);
    expect(digest.code).toBe(0);
    // More history after the digest: allowed.
    expect((await cli(['demo', '--dossiers', '28', '--store', store])).code).toBe(0);
    const stillOk = await cli(['verify', '--against', digestFile, '--store', store]);
    expect(stillOk.code).toBe(0);
    expect(stillOk.stdout).toMatch(/^OK {2}rien n'a changé avant le digest/);

    // Tamper by hand: raise the granted amount of one dossier, straight in the SQLite file.
    const states = [...(await statesInFile()).values()];
    const granted = states.find((s) => s.amountGrantedCents !== null)!;
    const streamId = `dossier-${granted.dossierId}`;
    const handle = createSqliteEventStore({ path: dbFile });
    const row = handle.database
      .prepare("SELECT version, data FROM events WHERE stream_id = ? AND type = 'Granted'")
      .get(streamId) as { version: number; data: string };
    handle.database
      .prepare('UPDATE events SET data = ? WHERE stream_id = ? AND version = ?')
      .run(JSON.stringify({ amountGrantedCents: 99_999_00 }), streamId, row.version);
    await handle.close();

    const [all, one, against, json] = await Promise.all([
      cli(['verify', '--store', store]),
      cli(['verify', '--stream', granted.dossierNumber!, '--store', store]),
      cli(['verify', '--against', digestFile, '--store', store]),
      cli(['verify', '--json', '--store', store]),
    ]);
    const line = `ROMPU  ${streamId}  version ${row.version}  altered (contenu modifié)`;
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(line);
    expect(all.stdout).toContain('1 flux rompu(s)');
    expect(one.code).toBe(1);
    expect(one.stdout).toContain(line);
    expect(against.code).toBe(1);
    expect(against.stdout).toContain(`ROMPU  ${streamId}  version ${row.version}`);
    expect(JSON.parse(json.stdout)).toEqual(
      expect.objectContaining({
        ok: false,
        broken: [expect.objectContaining({ streamId, version: row.version, problem: 'altered' })],
      }),
    );

    // history still shows the dossier, marks where it breaks, and exits 1 like verify (it exited 0).
    const [history, historyJson] = await Promise.all([
      cli(['history', granted.dossierNumber!, '--store', store]),
      cli(['history', granted.dossierNumber!, '--json', '--store', store]),
    ]);
    expect(history.code).toBe(1);
    expect(history.stdout).toContain(`CHAÎNE ROMPUE à la version ${row.version} : Contenu modifié`);
    expect(history.stdout).toMatch(new RegExp(`#${row.version} [^#]*✗ CHAÎNE ROMPUE ICI : Contenu modifié`));
    expect(history.stderr).toContain(`Chaîne rompue : ${streamId} version ${row.version}`);
    expect(historyJson.code).toBe(1);
    const entries = JSON.parse(historyJson.stdout).entries as { version: number; chain: string }[];
    expect(entries.find((e) => e.version === row.version)?.chain).toBe('broken');
    expect(entries.filter((e) => e.version < row.version).every((e) => e.chain === 'intact')).toBe(true);
  });
});

// Projection modules are loaded by tsx's ESM loader, which jest's VM cannot host: these runs
// are real processes, with a timeout sized for a loaded machine.
describe('project (spawned: modules load through tsx)', () => {
  jest.setTimeout(scaledTimeout(SPAWN_TIMEOUT));

  it('runs a TypeScript projection module to CSV and a plain CommonJS module to JSON', async () => {
    const csvFile = path.join(dir, 'refus.csv');
    const jsModule = path.join(dir, 'count-by-type.js');
    fs.writeFileSync(
      jsModule,
      `module.exports = { projection: { name: 'par-type', version: 1, init: () => ({}),
        evolve: (s, e) => ({ ...s, [e.type]: (s[e.type] || 0) + 1 }) } };\n`,
    );
    const jsonFile = path.join(dir, 'par-type.json');
    const [ts, js] = await Promise.all([
      spawnCli([
        'project',
        path.join(projections, 'presaisie-refusal-rate.ts'),
        '--out',
        csvFile,
        '--store',
        store,
      ]),
      spawnCli(['project', jsModule, '--out', jsonFile, '--store', store]),
    ]);
    expect(ts.code).toBe(0);
    expect(ts.stderr).toMatch(/Projection refus-de-presaisie-par-prestataire : \d+ événements en/);
    const text = fs.readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('siren,prestataire,presaisies,acceptees,refusees,en_attente,taux_refus_pct');
    const states = [...(await statesInFile()).values()].filter((s) => s.origin === 'presaisie');
    const submitted = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[2]), 0);
    const refused = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[4]), 0);
    expect(submitted).toBe(states.length);
    expect(refused).toBe(states.filter((s) => s.removal === 'presaisieRefused').length);

    expect(js.code).toBe(0);
    const counts = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    const statesAll = [...(await statesInFile()).values()];
    expect(counts.Transmitted).toBe(statesAll.filter((s) => s.dossierNumber !== null).length);
  });

  it('a module that is missing, does not load or throws: one line, non-zero exit, nothing written', async () => {
    const broken = path.join(dir, 'broken.ts');
    fs.writeFileSync(broken, 'export const projection = { name: "x", init: () => 0, evolve: ( => 1 };\n');
    const throwing = path.join(dir, 'throwing.js');
    fs.writeFileSync(
      throwing,
      `exports.projection = { name: 'boum', version: 1, init: () => 0, evolve: (s, e) => { if (e.type === 'Transmitted') throw new Error('division par zéro'); return s + 1; } };\n`,
    );
    const out = path.join(dir, 'never.csv');
    const [missing, unloadable, throws] = await Promise.all([
      spawnCli(['project', path.join(dir, 'absent.ts'), '--store', store]),
      spawnCli(['project', broken, '--out', out, '--store', store]),
      spawnCli(['project', throwing, '--out', out, '--store', store]),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^cartes-badges: Module de projection introuvable : .*absent\.ts\n$/);
    expect(unloadable.code).toBe(5);
    expect(unloadable.stderr).toMatch(/^cartes-badges: Le module .*broken\.ts ne se charge pas : /);
    expect(throws.code).toBe(5);
    expect(throws.stderr).toMatch(
      /^cartes-badges: La projection « boum » a échoué sur Transmitted \(flux dossier-[0-9a-f-]+, version \d+\) : division par zéro\n$/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('on PostgreSQL', () => {
  it('demo, lists and verify on a schema of its own (a missing PostgreSQL fails this test)', async () => {
    const schema = `cli_e2e_${process.pid}`;
    const url = `postgres://postgres@127.0.0.1:5432/test?schema=${schema}`;
    try {
      const demo = await cli(['demo', '--dossiers', '4', '--json', '--store', url]);
      expect(demo.code).toBe(0);
      const seeded = JSON.parse(demo.stdout);
      expect(seeded.report.applied).toBeGreaterThan(40);
      const [dossiers, verify] = await Promise.all([
        cli(['dossiers', '--json', '--store', url]),
        cli(['verify', '--store', url]),
      ]);
      expect(JSON.parse(dossiers.stdout).total).toBe(seeded.dossiers.total);
      expect(verify.code).toBe(0);
    } finally {
      await dropPostgresSchema(schema);
    }
  });
});

describe('bad input', () => {
  it('unknown dossier, bad store URL, missing database, unreachable PostgreSQL, corrupt digest, unknown command', async () => {
    const missingDb = path.join(dir, 'absent', 'events.db');
    const corrupt = path.join(dir, 'corrupt.json');
    fs.writeFileSync(
      corrupt,
      '{"createdAt": "2025-12-01T00:00:00Z", "lastPosition": "12", "streams": {"dossier-x": {"version": 1}}}',
    );
    const [unknown, badUrl, noDb, pg, badDigest, unknownCommand, badNumber] = await Promise.all([
      cli(['show', '99999', '--store', store]),
      cli(['brouillons', '--store', 'mysql://localhost/db']),
      cli(['verify', '--store', `sqlite:${missingDb}`]),
      cli(['dossiers', '--store', 'postgres://postgres@127.0.0.1:1/test']),
      cli(['verify', '--against', corrupt, '--store', store]),
      cli(['audit', '--store', store]),
      cli(['history', 'ABC', '--store', store]),
    ]);
    expect([unknown.code, unknown.stdout]).toEqual([3, '']);
    expect(unknown.stderr).toBe(
      'cartes-badges: Dossier introuvable : aucun brouillon n° 99999 dans ce store (vérifiez le numéro ou --store)\n',
    );
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/Store inconnu « mysql:\/\/localhost\/db » : attendu sqlite:/);
    expect(noDb.code).toBe(3);
    expect(noDb.stderr).toMatch(
      /Aucune base d'événements à .*absent\/events\.db : lancez d'abord « cartes-badges demo »/,
    );
    expect(fs.existsSync(path.dirname(missingDb))).toBe(false);
    expect(pg.code).toBe(4);
    expect(pg.stderr).toMatch(/^cartes-badges: PostgreSQL injoignable .*ECONNREFUSED/);
    expect(badDigest.code).toBe(5);
    expect(badDigest.stderr).toMatch(/Digest invalide .*streams\["dossier-x"\]\.version|headHash/);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/^cartes-badges: commande inconnue « audit »/);
    expect(badNumber.code).toBe(2);
    for (const run of [unknown, badUrl, noDb, pg, badDigest, badNumber]) {
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it(
    '--help works on the program and on every command (exit 0), spawned once and in-process for each',
    async () => {
      const [spawned, notFound] = await Promise.all([
        spawnCli(['history', '--help']),
        spawnCli(['show', '99999', '--store', store]),
      ]);
      expect(spawned.code).toBe(0);
      expect(spawned.stdout).toContain('--at <date>');
      // The executable exits with the code `run` gives, after its message.
      expect([notFound.code, notFound.stdout]).toEqual([3, '']);
      expect(notFound.stderr).toMatch(/^cartes-badges: Dossier introuvable : aucun brouillon n° 99999/);
      const program = createProgram();
      const names = program.commands.map((c) => c.name());
      expect(names.sort()).toEqual(
        [
          'blobs',
          'brouillons',
          'demo',
          'digest',
          'dossiers',
          'erase',
          'export',
          'history',
          'keys',
          'project',
          'rebuild',
          'show',
          'verify',
        ].sort(),
      );
      for (const command of program.commands) {
        expect(command.description().length).toBeGreaterThan(20);
        expect(command.helpInformation()).toContain(`Usage: cartes-badges ${command.name()}`);
      }
    },
    SPAWN_TIMEOUT,
  );
});

describe('pipes', () => {
  it(
    'stops quietly with exit 0 when its reader closes the pipe early (cartes-badges history … | head)',
    async () => {
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(
          path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
          [path.join(REPO_ROOT, 'packages/cli/src/bin.ts'), 'history', '10001', '--store', store],
          { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stderr = '';
        // Like a reader that quits before the CLI writes (`| head -0`): close our end at once.
        child.stdout.destroy();
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
      expect(run.code).toBe(0);
    },
    SPAWN_TIMEOUT,
  );
});

// An auditor's session on a SQLite event store: replay a dossier's history, look at its state at
// a given date, take a digest, then find a hand-made change to the database (an UPDATE in SQL),
// both by the hash chain and against the digest. The same checks run from the command line:
//   cartes-badges history <numéro> [--at DATE] · cartes-badges digest > digest.json ·
//   cartes-badges verify · cartes-badges verify --against digest.json
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DigestVerification } from '@cartes-badges/eventsourcing';
import { digest, verifyAgainstDigest } from '@cartes-badges/eventsourcing';
import type { DossierState } from '@cartes-badges/domain';
import { dossierStoreOptions, evolveDossier, initialDossierState } from '@cartes-badges/domain';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import type { StoreVerification } from '@cartes-badges/cli';
import { buildTimeline, renderTimelineText, runDemo, verifyAllStreams } from '@cartes-badges/cli';

/** What the audit found (checked by the test). */
export interface AuditOutcome {
  readonly dossierNumber: string;
  readonly stateAtTransmission: string;
  readonly beforeTampering: StoreVerification;
  readonly tamperedStream: string;
  readonly tamperedVersion: number;
  readonly afterTampering: StoreVerification;
  readonly againstDigest: DigestVerification;
}

/** Runs the audit on a fresh SQLite file in `dir`, writing what the auditor reads to `log`. */
export async function runAudit(dir: string, log: (line: string) => void): Promise<AuditOutcome> {
  const file = path.join(dir, 'events.db');
  fs.rmSync(file, { force: true });
  const store = createSqliteEventStore({ path: file, ...dossierStoreOptions });
  try {
    log(`1. Un store SQLite alimenté par la démo (${file})`);
    await runDemo(store, { count: 15, seed: 7, now: new Date('2025-12-15T17:00:00Z') });

    // The first dossier closed after a grant: the case worth auditing.
    const states = new Map<string, DossierState>();
    for await (const event of store.readAll({ filter: { streamPrefix: 'dossier-' } })) {
      states.set(
        event.streamId,
        evolveDossier(states.get(event.streamId) ?? initialDossierState(), event as never),
      );
    }
    const [streamId, audited] = [...states].find(
      ([, s]) => s.status === 'closed' && s.amountGrantedCents !== null,
    )!;
    const dossierId = audited.dossierId!;

    log(`\n2. Rejouer le dossier ${audited.dossierNumber}, événement par événement`);
    const timeline = await buildTimeline(store, dossierId);
    log(renderTimelineText(timeline));

    const transmitted = timeline.entries.find((e) => e.type === 'Transmitted')!;
    log(`\n3. L'état du dossier au ${transmitted.occurredAt} (moment de sa transmission)`);
    const atTransmission = await buildTimeline(store, dossierId, transmitted.occurredAt);
    log(
      `   ${atTransmission.summary.label} · total HT ${atTransmission.summary.totalHt} · ${atTransmission.entries.length} événements sur ${timeline.entries.length}`,
    );

    log('\n4. Digest des têtes de chaîne, à conserver hors de la base');
    const saved = await digest(store);
    fs.writeFileSync(path.join(dir, 'digest.json'), JSON.stringify(saved, null, 2));
    const beforeTampering = await verifyAllStreams(store);
    log(
      `   ${Object.keys(saved.streams).length} flux · vérification : ${beforeTampering.ok ? 'toutes les chaînes sont intactes' : 'ROMPUE'}`,
    );

    log('\n5. Quelqu’un modifie la base à la main : le montant accordé passe à 9 999,00 €');
    const granted = timeline.entries.find((e) => e.type === 'Granted')!;
    const sql = 'UPDATE events SET data = ? WHERE stream_id = ? AND version = ?';
    log(`   ${sql}  -- ${streamId}, version ${granted.version}`);
    store.database
      .prepare(sql)
      .run(JSON.stringify({ amountGrantedCents: 999_900 }), streamId, granted.version);

    log('\n6. L’auditeur vérifie les chaînes, puis la base contre son digest');
    const afterTampering = await verifyAllStreams(store);
    for (const link of afterTampering.broken)
      log(`   ROMPU ${link.streamId} version ${link.version} : ${link.problem} — ${link.detail}`);
    const againstDigest = await verifyAgainstDigest(store, saved);
    if (!againstDigest.ok)
      for (const m of againstDigest.mismatches)
        log(`   digest : ${m.streamId} version ${m.version} : ${m.problem} — ${m.detail}`);
    return {
      dossierNumber: audited.dossierNumber!,
      stateAtTransmission: atTransmission.summary.label,
      beforeTampering,
      tamperedStream: streamId,
      tamperedVersion: granted.version,
      afterTampering,
      againstDigest,
    };
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  const dir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-audit-'));
  runAudit(dir, (line) => console.log(line))
    .then((outcome) => {
      console.log(`\nFichiers de l'audit : ${dir}`);
      process.exitCode = outcome.afterTampering.ok ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

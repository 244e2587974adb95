import type { Command } from 'commander';
import type { DigestMismatch } from '@cartes-badges/eventsourcing';
import { verifyAgainstDigest, verifyStream } from '@cartes-badges/eventsourcing';
import { problemLabel } from '../audit/chain-problems';
import { readDigestFile } from '../audit/digest-file';
import { readKeyring } from '../audit/keyring-file';
import { signatureLine } from '../audit/signature-line';
import { findDossierId } from '../audit/find-dossier';
import type { BrokenLink, StoreVerification } from '../audit/verify-all';
import { verifyAllStreams } from '../audit/verify-all';
import { CliError, EXIT, messageOf, usageError } from '../errors';
import { toJson } from '../output/json';
import { verifyDocumentsCommand } from './verify-documents';
import { startProgress, throughputLine } from '../output/progress';
import type { GlobalOptions } from './context';
import { note, print, withStore } from './context';

interface VerifyOptions {
  readonly stream?: string;
  readonly all?: boolean;
  readonly against?: string;
  readonly documents?: boolean;
  readonly keys?: string;
}

/** One broken link as a line: stream, version, what is wrong. */
export function brokenLine(link: BrokenLink | DigestMismatch): string {
  return `ROMPU  ${link.streamId}  version ${link.version}  ${link.problem} (${problemLabel(link.problem)}) : ${link.detail}`;
}

// A dossier number or id names its stream; anything else is taken as a stream id as it is.
async function streamIdOf(store: Parameters<typeof findDossierId>[0], reference: string): Promise<string> {
  if (/^(\d{1,9}|\d{4}AF\d{6}|[0-9a-f-]{36})$/i.test(reference)) {
    return `dossier-${await findDossierId(store, reference)}`;
  }
  return reference;
}

/** `verify`: checks hash chains (all, one stream, or against a saved digest). */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      "Vérifie les chaînes de hachage : code 1 et le premier maillon rompu (flux, version, problème) en cas d'altération",
    )
    .option('--stream <flux|numéro>', 'un seul flux (dossier-<id>, numbering-…) ou un dossier par son numéro')
    .option('--all', 'tous les flux (par défaut)')
    .option(
      '--against <digest.json>',
      "prouve que rien n'a changé avant un digest enregistré (les événements ajoutés depuis sont permis)",
    )
    .option(
      '--documents',
      'vérifie les fichiers joints : chacun existe et a le SHA-256 et la taille que son événement enregistre',
    )
    .option(
      '--keys <trousseau.json>',
      'vérifie aussi les signatures : tout événement doit être signé par une clé du trousseau en service à sa date (avec --against : le digest doit être signé, et seuls les événements après lui doivent l’être)',
    )
    .option('--json', 'sortie JSON pour un programme')
    .addHelpText(
      'after',
      `
Codes de sortie : 0 chaînes intactes, 1 altération détectée (ou événement non signé, signature ou
digest refusés avec --keys), 3 flux, digest ou trousseau introuvable, 5 digest ou trousseau invalide.
Exemples :
  cartes-badges verify
  cartes-badges verify --stream 2512AF000001
  cartes-badges verify --documents     # code 1 : dossier, document et ce qui ne va pas
  cartes-badges digest > digest.json   # plus tard :
  cartes-badges verify --against digest.json
  cartes-badges verify --keys <trousseau.json>                        # signatures comprises
  cartes-badges verify --against <digest-signé.json> --keys <trousseau.json>`,
    )
    .action(async (options: VerifyOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & VerifyOptions>();
      const chosen = [
        options.stream !== undefined,
        options.all === true,
        options.against !== undefined,
        options.documents === true,
      ].filter(Boolean);
      if (chosen.length > 1)
        throw usageError('verify : choisissez --stream, --all, --against ou --documents, pas plusieurs');
      if (options.documents && options.keys !== undefined)
        throw usageError('verify : --keys vérifie les événements, pas les fichiers joints (--documents)');
      if (options.documents) {
        if (!(await verifyDocumentsCommand(globals))) process.exitCode = EXIT.verificationFailed;
        return;
      }
      const keyring = options.keys !== undefined ? readKeyring(options.keys, '--keys') : undefined;
      // The digest's signature is checked first, before the store is even opened.
      const read = options.against !== undefined ? readDigestFile(options.against, keyring) : undefined;
      const saved = read?.digest;
      const ok = await withStore(
        globals,
        'read',
        async (opened) => {
          const startedAt = Date.now();
          try {
            if (saved) {
              const total = Object.values(saved.streams).reduce((n, head) => n + head.version + 1, 0);
              const progress = startProgress('Vérification', total, 'événements');
              const result = await verifyAgainstDigest(opened.store, saved, {
                onProgress: (p) => progress.update(p.eventsRead),
              });
              progress.stop();
              // With a keyring, what came after the digest must be signed (what it vouches for need not).
              const since =
                keyring && result.ok
                  ? await verifyAllStreams(opened.store, {
                      keyring,
                      vouchedUpTo: new Map(
                        Object.entries(saved.streams).map(([id, head]) => [id, head.version]),
                      ),
                    })
                  : undefined;
              const signedBy =
                read?.signedBy !== undefined ? ` (signé par la clé ${read.signedBy})` : ' (non signé)';
              if (globals.json)
                print(
                  toJson({
                    against: options.against,
                    digestCreatedAt: saved.createdAt,
                    digestSignedBy: read?.signedBy ?? null,
                    ...result,
                    ...(since ? { since } : {}),
                  }),
                );
              else if (!result.ok) {
                print(result.mismatches.map(brokenLine).join('\n'));
                print(
                  `${result.mismatches.length} flux sur ${result.streamsChecked} ne correspondent plus au digest du ${saved.createdAt}${signedBy}`,
                );
              } else {
                print(
                  `OK  rien n'a changé avant le digest du ${saved.createdAt}${signedBy} : ${result.streamsChecked} flux vérifiés jusqu'à leur tête enregistrée`,
                );
                if (since && !since.ok) print(since.broken.map(brokenLine).join('\n'));
                if (since) print(signatureLine(since, options.keys, 'depuis le digest'));
              }
              return result.ok && (since?.ok ?? true);
            }
            if (options.stream !== undefined) {
              const streamId = await streamIdOf(opened.store, options.stream);
              const result = await verifyStream(opened.store, streamId, { keyring });
              if (result.ok && result.length === 0) {
                throw new CliError(
                  `Flux introuvable : ${streamId} ne contient aucun événement`,
                  EXIT.notFound,
                );
              }
              if (globals.json) print(toJson({ ...result, signaturesVerified: keyring !== undefined }));
              else if (!result.ok) print(brokenLine(result));
              else {
                print(
                  `OK  ${streamId} : chaîne intacte, ${result.length} événement(s), tête ${result.headHash}`,
                );
                print(signatureLine(result, options.keys));
              }
              return result.ok;
            }
            const progress = startProgress('Vérification', await opened.countEvents(), 'événements');
            const result: StoreVerification = await verifyAllStreams(opened.store, {
              onProgress: (n) => progress.update(n),
              keyring,
            });
            progress.stop();
            if (globals.json) print(toJson({ ...result, signaturesVerified: keyring !== undefined }));
            else if (result.ok) {
              print(
                `OK  ${result.streamsChecked} flux, ${result.eventsChecked} événements : toutes les chaînes sont intactes`,
              );
              print(signatureLine(result, options.keys));
            } else {
              print(result.broken.map(brokenLine).join('\n'));
              print(`${result.broken.length} flux rompu(s) sur ${result.streamsChecked}`);
            }
            if (process.stderr.isTTY)
              note(throughputLine(result.eventsChecked, 'événements vérifiés', startedAt));
            return result.ok;
          } catch (error) {
            if (error instanceof SyntaxError) {
              throw new CliError(
                `Altération détectée : un événement stocké n'est plus du JSON lisible (${messageOf(error)})`,
                EXIT.verificationFailed,
              );
            }
            throw error;
          }
        },
        'stored',
      );
      if (!ok) process.exitCode = EXIT.verificationFailed;
    });
}

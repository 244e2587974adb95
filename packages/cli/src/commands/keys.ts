import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { checkKeyId, generateEd25519KeyPair } from '@cartes-badges/eventsourcing';
import type { KeyringEntry } from '../audit/keyring-file';
import { readKeyringEntries, writeKeyringFile } from '../audit/keyring-file';
import type { SigningKeyFile } from '../audit/signing-key-file';
import { SIGNING_KEY_FORMAT, writePrivateFile } from '../audit/signing-key-file';
import { messageOf, usageError } from '../errors';
import { note } from './context';
import { instantOption } from './instant-option';
import { registerKeysRevoke } from './keys-revoke';

interface GenerateOptions {
  readonly id: string;
  readonly algorithm: string;
  readonly out: string;
  readonly keyring: string;
  readonly validFrom?: string;
  readonly retires?: string;
}

// The private part (kept by the writing service) and the keyring entry (given to auditors).
function newKey(keyId: string, algorithm: string, validFrom: string) {
  if (algorithm === 'ed25519') {
    const pair = generateEd25519KeyPair();
    const file: SigningKeyFile = {
      format: SIGNING_KEY_FORMAT,
      keyId,
      algorithm,
      privateKey: pair.privateKeyPem,
    };
    const entry: KeyringEntry = { keyId, algorithm, publicKey: pair.publicKeyPem, validFrom };
    return { file, entry };
  }
  if (algorithm === 'hmac-sha256') {
    const secret = crypto.randomBytes(32).toString('base64');
    const file: SigningKeyFile = { format: SIGNING_KEY_FORMAT, keyId, algorithm, secret };
    return { file, entry: { keyId, algorithm, secret, validFrom } satisfies KeyringEntry };
  }
  throw usageError(`--algorithm « ${algorithm} » : ed25519 (par défaut) ou hmac-sha256 attendu`);
}

/** `keys generate`: a signing key file (0600) and its entry in a keyring file; `keys revoke`. */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('Clés de signature de l’historique et des digests (voir docs/audit.md)');
  keys
    .command('generate')
    .description(
      'Crée une clé de signature (fichier privé, mode 0600) et l’ajoute au trousseau que les auditeurs donnent à « verify --keys »',
    )
    .requiredOption(
      '--id <identifiant>',
      'identifiant de la clé, écrit dans chaque événement signé (ex. service-2026-01)',
    )
    .requiredOption(
      '--out <fichier>',
      'fichier de la clé privée (jamais écrasé ; ni dans la base ni dans ses sauvegardes)',
    )
    .requiredOption('--keyring <trousseau.json>', 'trousseau où ajouter la clé publique (créé s’il manque)')
    .option(
      '--algorithm <ed25519|hmac-sha256>',
      'ed25519 : le trousseau ne contient que la clé publique',
      'ed25519',
    )
    .option('--valid-from <date>', 'début de la période de service de la clé (par défaut : maintenant)')
    .option(
      '--retires <identifiant>',
      'rotation : clôt la période de cette ancienne clé au début de la nouvelle',
    )
    .addHelpText(
      'after',
      `
Avec hmac-sha256, le trousseau contient le secret : qui vérifie peut aussi signer, et le
trousseau est écrit en mode 0600 comme la clé.
Exemples :
  cartes-badges keys generate --id service-2026-01 --out /etc/cartes-badges/service-2026-01.key --keyring trousseau.json
  cartes-badges keys generate --id service-2026-02 --out service-2026-02.key --keyring trousseau.json --retires service-2026-01`,
    )
    .action((options: GenerateOptions) => {
      let keyId: string;
      try {
        keyId = checkKeyId(options.id);
      } catch (error) {
        throw usageError(
          `--id « ${options.id.slice(0, 64)} » refusé : ${messageOf(error).replace(/^Invalid key id [^:]*: /, '')}`,
        );
      }
      const validFrom = instantOption(options.validFrom, '--valid-from');
      const { file, entry } = newKey(keyId, options.algorithm, validFrom);
      const existing = fs.existsSync(options.keyring) ? readKeyringEntries(options.keyring, '--keyring') : [];
      if (existing.some((key) => key.keyId === keyId))
        throw usageError(`--id ${keyId} : le trousseau ${options.keyring} a déjà une clé de cet identifiant`);
      if (options.retires !== undefined && !existing.some((key) => key.keyId === options.retires))
        throw usageError(
          `--retires ${options.retires} : le trousseau ${options.keyring} n'a pas de clé de cet identifiant`,
        );
      const keys = existing.map((key) =>
        key.keyId === options.retires ? { ...key, validUntil: validFrom } : key,
      );
      writePrivateFile(options.out, `${JSON.stringify(file, null, 2)}\n`);
      writeKeyringFile(options.keyring, [...keys, entry]);
      note(
        `Clé ${keyId} (${options.algorithm}) écrite dans ${options.out} (mode 0600), en service à partir du ${validFrom} dans ${options.keyring}` +
          (options.retires !== undefined ? ` ; ${options.retires} retirée à cet instant` : '') +
          `\nPour signer : CARTES_BADGES_SIGNING_KEY=${options.out} (ou --signing-key) ; pour vérifier : cartes-badges verify --keys ${options.keyring}`,
      );
    });
  registerKeysRevoke(keys);
}

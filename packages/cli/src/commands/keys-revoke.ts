import type { Command } from 'commander';
import { readKeyring, readKeyringEntries, writeKeyringFile } from '../audit/keyring-file';
import { usageError } from '../errors';
import { note } from './context';
import { instantOption } from './instant-option';

interface RevokeOptions {
  readonly id: string;
  readonly keyring: string;
  readonly at?: string;
}

/**
 * `keys revoke`: a key lost or stolen. Its signatures dated from the revocation on are refused
 * (`key_revoked`); those before stay valid. A revocation can only move earlier: moving it later
 * would make valid again what a thief may have signed in between.
 */
export function registerKeysRevoke(keys: Command): void {
  keys
    .command('revoke')
    .description(
      'Révoque une clé du trousseau (perdue, volée) : ce qu’elle a signé à partir de cet instant est refusé par « verify --keys »',
    )
    .requiredOption('--id <identifiant>', 'identifiant de la clé à révoquer')
    .requiredOption('--keyring <trousseau.json>', 'trousseau qui contient la clé')
    .option(
      '--at <date>',
      'instant à partir duquel la clé a pu fuiter (par défaut : maintenant) ; une révocation déjà écrite ne peut qu’être avancée',
    )
    .addHelpText(
      'after',
      `
Exemple :
  cartes-badges keys revoke --id service-2026-01 --keyring trousseau.json --at 2026-03-04T08:00:00Z
Puis : arrêter le service qui signe avec cette clé et lui en donner une nouvelle
  (keys generate --id service-2026-02 --out … --keyring trousseau.json).`,
    )
    .action((options: RevokeOptions) => {
      const revokedAt = instantOption(options.at, '--at');
      // The whole keyring must be readable before one byte of it is rewritten.
      readKeyring(options.keyring, '--keyring');
      const entries = readKeyringEntries(options.keyring, '--keyring');
      const key = entries.find((entry) => entry.keyId === options.id);
      if (key === undefined)
        throw usageError(
          `--id ${options.id} : le trousseau ${options.keyring} n'a pas de clé de cet identifiant`,
        );
      const earlier = key.revokedAt;
      if (earlier !== undefined && Date.parse(earlier) <= Date.parse(revokedAt))
        throw usageError(
          `--id ${options.id} : clé déjà révoquée depuis le ${earlier} ; une révocation ne peut qu'être avancée (ce que la clé a signé depuis reste refusé)`,
        );
      writeKeyringFile(
        options.keyring,
        entries.map((entry) => (entry === key ? { ...entry, revokedAt } : entry)),
      );
      note(
        `Clé ${options.id} révoquée à partir du ${revokedAt} dans ${options.keyring}` +
          (earlier !== undefined ? ` (avancée : elle l'était depuis le ${earlier})` : '') +
          ` : ce qu'elle a signé avant reste valide, ce qui est daté de cet instant ou après est refusé (key_revoked).` +
          `\nArrêtez le service qui signe avec elle et donnez-lui une nouvelle clé : cartes-badges keys generate --id <nouvel identifiant> --out <fichier> --keyring ${options.keyring}`,
      );
    });
}

import type { CommanderError } from 'commander';

// Commander reports a wrong command line in English, on two lines (the error, then the help
// hint). docs/cli.md promises one French line, `cartes-badges: ...`, for every error: the
// program silences commander's own output and `run` prints this instead.

const quoted = (message: string): string => /'([^']*)'/.exec(message)?.[1] ?? '';
const suggestion = (message: string): string => {
  const didYouMean = /Did you mean (.+?)\?\)?$/.exec(message);
  return didYouMean ? ` (vouliez-vous dire ${didYouMean[1]} ?)` : '';
};

/** The French one-line message of a command-line error commander found (without the `cartes-badges: ` prefix). */
export function frenchCommanderMessage(error: CommanderError, help: string): string {
  const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  const hint = ` — ${help} pour l'aide`;
  switch (error.code) {
    case 'commander.unknownOption':
      return `option inconnue « ${quoted(message)} »${suggestion(message)}${hint}`;
    case 'commander.unknownCommand':
      return `commande inconnue « ${quoted(message)} »${suggestion(message)}${hint}`;
    case 'commander.missingArgument':
      return `argument obligatoire manquant : <${quoted(message)}>${hint}`;
    case 'commander.optionMissingArgument':
      return `l'option ${quoted(message)} attend une valeur${hint}`;
    case 'commander.missingMandatoryOptionValue':
      return `l'option obligatoire ${quoted(message)} n'est pas donnée${hint}`;
    case 'commander.excessArguments':
      return `trop d'arguments${hint}`;
    case 'commander.invalidArgument':
      return `${message.replace(/^option '([^']*)' argument '([^']*)' is invalid\.?/, "valeur « $2 » invalide pour l'option $1 :")}${hint}`;
    case 'commander.conflictingOption':
      return `options incompatibles : ${message}${hint}`;
    default:
      return `${message}${hint}`;
  }
}

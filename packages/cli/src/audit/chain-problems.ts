// What a broken link means, in French: the words `verify` prints beside the problem's code and
// the sentence the auditor's timeline shows on the broken row. The kernel's own detail stays in
// English (it is for the developers' logs); these are for the people who read the verdict.

/** A problem's code in a few French words ("altered" → "contenu modifié"). */
export const PROBLEM_LABELS: Readonly<Record<string, string>> = {
  altered: 'contenu modifié',
  missing: 'événement manquant',
  reordered: 'événements dans le désordre',
  head_mismatch: 'tête différente de celle du digest',
  unreadable: 'événement illisible',
  unsigned: 'non signé',
  unknown_key: 'clé inconnue du trousseau',
  bad_signature: 'signature invalide',
  key_not_valid: 'clé hors de sa période de service',
  key_revoked: 'clé révoquée',
};

/** A problem's code in French, or the code itself when this release does not know it. */
export function problemLabel(problem: string): string {
  return PROBLEM_LABELS[problem] ?? problem;
}

/** Why the chain breaks at `version`, as one French sentence for the auditor. */
export function brokenReason(problem: string, version: number): string {
  switch (problem) {
    case 'altered':
      return `Contenu modifié : l'événement enregistré à la version ${version} ne correspond plus à son empreinte (modifié après son écriture).`;
    case 'missing':
      return `Événement manquant : la version ${version} a été supprimée ou ne suit plus l'événement qui la précède.`;
    case 'reordered':
      return `Événements dans le désordre : la version ${version} n'est plus à sa place dans la chaîne.`;
    case 'unreadable':
      return `Événement illisible : les données ou métadonnées enregistrées à la version ${version} ne se lisent plus.`;
    case 'unsigned':
      return `Non signé : aucune signature d'une clé du trousseau ne couvre la version ${version} (écrite sans clé, ou ajoutée directement dans la base).`;
    case 'unknown_key':
      return `Clé inconnue : la version ${version} est signée par une clé que le trousseau ne contient pas.`;
    case 'bad_signature':
      return `Signature invalide : la signature de la version ${version} ne correspond pas à son empreinte (historique réécrit ou signature falsifiée).`;
    case 'key_not_valid':
      return `Clé hors service : la version ${version} est signée par une clé en dehors de sa période de service.`;
    case 'key_revoked':
      return `Clé révoquée : la version ${version} est signée par une clé après sa révocation.`;
    default:
      return `Chaîne rompue à la version ${version} (${problemLabel(problem)}).`;
  }
}

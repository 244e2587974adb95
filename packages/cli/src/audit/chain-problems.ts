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
    default:
      return `Chaîne rompue à la version ${version} (${problemLabel(problem)}).`;
  }
}

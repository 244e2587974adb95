import type {
  DossierActor,
  DossierError,
  DossierService,
  DossierState,
  ExecuteResult,
} from '@cartes-badges/domain';
import { dossierStatusLabel, validateDossier } from '@cartes-badges/domain';
import * as E from 'fp-ts/Either';

/** Where the walk-through writes its lines (console.log for the demo, an array in the test). */
export type Log = (line: string) => void;

/** Small helpers that run commands and print what the portal would show. */
export function flowKit(service: DossierService, log: Log) {
  let counter = 0;
  const nextId = (label: string): string => `${label}-${(counter += 1)}`;

  async function run(label: string, command: Record<string, unknown>): Promise<ExecuteResult> {
    const result = await service.execute({ commandId: nextId(String(command.type)), ...command });
    if (E.isLeft(result)) throw new Error(`${label}: refusé de façon inattendue — ${result.left.message}`);
    log(`  ✔ ${label} → ${result.right.events.map((e) => e.type).join(', ') || 'rien à enregistrer'}`);
    return result.right;
  }

  async function refused(label: string, command: Record<string, unknown>): Promise<DossierError> {
    const result = await service.execute({ commandId: nextId(String(command.type)), ...command });
    if (E.isRight(result)) throw new Error(`${label}: accepté alors qu'il devait être refusé`);
    log(`  ✘ ${label} → refusé (${result.left.code}) : ${result.left.message}`);
    return result.left;
  }

  function showTabs(state: DossierState): void {
    for (const tab of validateDossier(state).tabs) {
      const messages = tab.messages.map((m) => `${m.field} « ${m.message} »`).join(' ; ');
      log(`    ${tab.status === 'valid' ? '●' : '○'} ${tab.tab}${messages ? ` — ${messages}` : ''}`);
    }
  }

  async function load(dossierId: string, actor: DossierActor): Promise<DossierState> {
    const loaded = await service.load(dossierId, actor);
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    return loaded.right;
  }

  const status = (state: DossierState): string => dossierStatusLabel(state);

  return { run, refused, showTabs, load, status };
}

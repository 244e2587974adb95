import * as E from 'fp-ts/Either';
import type { DossierService, ExecuteResult } from '../service';
import { employer } from './actors';
import { pdfBytes } from './files';
import { HUM_CLICHY } from './reference-data';

/** Runs a command that must be accepted; a refusal fails the test with the error. */
export async function executeOk(service: DossierService, command: unknown): Promise<ExecuteResult> {
  const result = await service.execute(command);
  if (E.isLeft(result)) throw new Error(`refused: ${JSON.stringify(result.left)}`);
  return result.right;
}

/** A CreateDraft for HUM Clichy's tachograph card by the employer. */
export const createDraftCommand = (commandId: string) => ({
  type: 'CreateDraft',
  commandId,
  actor: employer,
  payload: { siret: HUM_CLICHY.siret, cardType: 'CHRONO' },
});

/** Creates and fills a draft through the service until every tab is valid; gives its id. */
export async function completeDraftThroughService(
  service: DossierService,
  commandPrefix: string,
): Promise<string> {
  const { dossierId } = await executeOk(service, createDraftCommand(`${commandPrefix}-create`));
  const on = (type: string, payload: unknown, n: string) => ({
    type,
    commandId: `${commandPrefix}-${n}`,
    actor: employer,
    dossierId,
    payload,
  });
  await executeOk(
    service,
    on(
      'SaveDraft',
      {
        contactEmail: 'amoa1@hum-interim.fr',
        providerSearch: '812345676',
        costLines: [{ nature: 'Achat Matériel', unitAmountCents: 5250, quantity: 4 }],
        attestations: { honour: true, generalConditions: true, supportingDocuments: true },
      },
      'save',
    ),
  );
  await executeOk(
    service,
    on(
      'AttachDocument',
      { documentType: 'Copie facture prestataire', fileName: 'copie.pdf', content: pdfBytes('copie') },
      'doc1',
    ),
  );
  await executeOk(
    service,
    on(
      'AttachDocument',
      { documentType: 'Facture entreprise', fileName: 'facture.pdf', content: pdfBytes('facture') },
      'doc2',
    ),
  );
  return dossierId;
}

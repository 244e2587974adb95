// a command from outside is decoded before anything is read or written; a malformed one is
// refused with the failing field and what was expected there. R-05: the employer never changes.
import * as E from 'fp-ts/Either';
import { employer } from '../../testing';
import { decodeDossierCommand, DOSSIER_COMMAND_TYPES } from './dossier-command';

const DOSSIER_ID = '0b6c1f2e-5a4d-4c3b-8a29-1f0e9d8c7b6a';
const on = (type: string, payload?: unknown) => ({
  type,
  commandId: 'c',
  actor: employer,
  dossierId: DOSSIER_ID,
  payload,
});
const problemsOf = (input: unknown) => {
  const decoded = decodeDossierCommand(input);
  return E.isLeft(decoded) ? decoded.left : undefined;
};

describe('decodeDossierCommand', () => {
  it('R-08 refuses what is not an object, saying what it received', () => {
    for (const [input, received] of [
      [null, 'la valeur null'],
      ['SaveDraft', '« SaveDraft »'],
      [[on('SaveDraft')], 'une liste'],
    ] as const) {
      expect(problemsOf(input)).toEqual(
        expect.objectContaining({
          code: 'FORMAT',
          problems: [
            expect.objectContaining({
              code: 'COMMAND_FORMAT',
              field: 'command',
              message: `Commande attendue (objet), reçu ${received}`,
            }),
          ],
        }),
      );
    }
  });

  it('R-08 refuses an unknown command type, listing the known ones', () => {
    expect(problemsOf(on('SaveDraf'))).toEqual(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            code: 'UNKNOWN_COMMAND',
            field: 'type',
            message: `Type de commande inconnu (reçu : « SaveDraf ») : attendu ${DOSSIER_COMMAND_TYPES.join(', ')}`,
          }),
        ],
      }),
    );
    expect(DOSSIER_COMMAND_TYPES.join(', ')).toMatch(/^CreateDraft, SubmitPresaisie, DuplicateDraft, /);
  });

  it('R-05 refuses a change of employer on an existing dossier, by each name it may come under', () => {
    for (const key of ['siret', 'siren', 'establishment', 'employer']) {
      expect(problemsOf(on('SaveDraft', { [key]: '40101593800012' }))).toEqual({
        code: 'EMPLOYER_IMMUTABLE',
        message:
          "L'employeur d'un dossier n'est pas modifiable : en cas d'erreur, merci de saisir un nouveau dossier",
        field: `payload.${key}`,
        tab: 'Employeur',
      });
    }
  });

  it('R-08 refuses a null payload as a malformed one, without failing', () => {
    expect(problemsOf(on('SaveDraft', null))).toEqual(
      expect.objectContaining({ code: 'FORMAT', field: 'payload' }),
    );
  });

  it('R-35 names the granted and paid amounts by their labels when they are not amounts', () => {
    expect(problemsOf(on('GrantFunding', { amountGrantedCents: -1 }))).toEqual(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            field: 'payload.amountGrantedCents',
            message: 'Montant accordé : montant positif attendu',
          }),
        ],
      }),
    );
    expect(problemsOf(on('RecordReimbursement', { amountPaidCents: -1 }))).toEqual(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            field: 'payload.amountPaidCents',
            message: 'Montant remboursé : montant positif attendu',
          }),
        ],
      }),
    );
  });
});

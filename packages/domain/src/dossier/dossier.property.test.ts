import * as fc from 'fast-check';
import * as E from 'fp-ts/Either';
import {
  caseManager,
  command,
  CSD_PROVIDER,
  draftCreated,
  DOSSIER_ID,
  employer,
  fileMetadata,
  OTHER_PROVIDER,
  recorded,
} from '../testing';
import { propertyRuns } from '../testing/property-runs';
import { defaultCatalogue } from '../catalogue';
import type { DossierCommand } from './commands';
import type { DossierContext } from './decide/context';
import { decideDossier } from './decide/decide';
import type { DossierEvent } from './events';
import { evolveDossier } from './evolve';
import type { DossierState } from './state';
import { initialDossierState } from './state';
import { validateDossier } from './validation';

const ATTACHMENTS = [{ siren: '401015938', sirets: ['40101593800012'] }];

const line = fc.record({
  nature: fc.option(fc.constant('Achat Matériel'), { nil: null }),
  unitAmountCents: fc.option(fc.integer({ min: 0, max: 12_000_000 }), { nil: null }),
  quantity: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
});

// A step: the command plus what the service would have looked up for it.
type Step = { readonly cmd: DossierCommand; readonly extra: Partial<DossierContext> };
const step = (
  type: Parameters<typeof command>[0],
  payload?: unknown,
  actor = employer,
  extra: Partial<DossierContext> = {},
): Step => ({
  cmd: command(type, { actor, dossierId: DOSSIER_ID, ...(payload !== undefined ? { payload } : {}) }),
  extra,
});

const randomSteps: fc.Arbitrary<Step> = fc.oneof(
  fc
    .option(fc.constantFrom('amoa1@hum-interim.fr', 'rh@hum.fr'), { nil: null })
    .map((email) => step('ChangeContactEmail', { email })),
  fc
    .constantFrom(CSD_PROVIDER, OTHER_PROVIDER)
    .map((p) => step('SelectProvider', { search: p.siret }, employer, { selectedProvider: p })),
  fc.array(line, { maxLength: 4 }).map((lines) => step('ChangeCostLines', { lines })),
  fc
    .constantFrom('honour', 'generalConditions', 'supportingDocuments')
    .chain((attestation) =>
      fc.constantFrom(step('GiveAttestation', { attestation }), step('WithdrawAttestation', { attestation })),
    ),
  fc
    .record({
      type: fc.constantFrom('Copie facture prestataire', 'Facture entreprise', 'Autre'),
      n: fc.integer({ min: 1, max: 9999 }),
    })
    .map(({ type, n }) =>
      step(
        'AttachDocument',
        {
          documentType: type,
          fileName: 'f.pdf',
          content: new Uint8Array([1]),
          documentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        },
        employer,
        {
          file: fileMetadata(`f${n}.pdf`),
        },
      ),
    ),
  fc
    .integer({ min: 1, max: 9999 })
    .map((n) =>
      step('RemoveDocument', { documentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` }),
    ),
  fc.option(fc.string({ maxLength: 40 }), { nil: null }).map((comment) => step('ChangeComment', { comment })),
  fc
    .constant(null)
    .map(() => step('TransmitDossier', undefined, employer, { dossierNumber: '2512AF000001' })),
  fc.constant(null).map(() => step('StartInstruction', undefined, caseManager)),
  fc
    .integer({ min: 1, max: 30_000_000 })
    .map((amountGrantedCents) => step('GrantFunding', { amountGrantedCents }, caseManager)),
  fc.constant(null).map(() => step('DeleteDraft')),
);

// Steps that move a draft towards completeness, so that sequences do reach transmission.
const completingSteps: fc.Arbitrary<Step> = fc.oneof(
  fc.constant(null).map(() => step('ChangeContactEmail', { email: 'amoa1@hum-interim.fr' })),
  fc
    .constant(null)
    .map(() =>
      step('SelectProvider', { search: CSD_PROVIDER.siret }, employer, { selectedProvider: CSD_PROVIDER }),
    ),
  fc
    .array(
      fc.record({
        unitAmountCents: fc.integer({ min: 1, max: 9_999_999 }),
        quantity: fc.integer({ min: 1, max: 10_000 }),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((lines) =>
      step('ChangeCostLines', { lines: lines.map((l) => ({ nature: 'Achat Matériel', ...l })) }),
    ),
  fc
    .constantFrom('honour', 'generalConditions', 'supportingDocuments')
    .map((attestation) => step('GiveAttestation', { attestation })),
  fc
    .record({
      type: fc.constantFrom('Copie facture prestataire', 'Facture entreprise'),
      n: fc.integer({ min: 1, max: 9999 }),
    })
    .map(({ type, n }) =>
      step(
        'AttachDocument',
        {
          documentType: type,
          fileName: 'f.pdf',
          content: new Uint8Array([1]),
          documentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        },
        employer,
        {
          file: fileMetadata(`f${n}.pdf`),
        },
      ),
    ),
  fc
    .constant(null)
    .map(() => step('TransmitDossier', undefined, employer, { dossierNumber: '2512AF000001' })),
);

const steps = fc.oneof({ arbitrary: randomSteps, weight: 1 }, { arbitrary: completingSteps, weight: 3 });

describe('property: random command sequences', () => {
  it('R-23 always fold, never transmit an invalid dossier, and keep totals exact to the cent', () => {
    let transmissions = 0;
    fc.assert(
      fc.property(fc.array(steps, { minLength: 15, maxLength: 40, size: 'max' }), (sequence) => {
        const history: DossierEvent[] = [draftCreated()];
        let state: DossierState = recorded(history).reduce(evolveDossier, initialDossierState());
        for (const { cmd, extra } of sequence) {
          const decision = decideDossier(cmd, state, {
            catalogue: defaultCatalogue,
            attachments: ATTACHMENTS,
            ...extra,
          });
          if (E.isLeft(decision)) {
            expect(decision.left.message.length).toBeGreaterThan(0);
            continue;
          }
          if (decision.right.some((e) => e.type === 'Transmitted')) {
            expect(validateDossier(state).valid).toBe(true);
            transmissions += 1;
          }
          history.push(...decision.right);
          state = recorded(history).reduce(evolveDossier, initialDossierState());
          expect(state.version).toBe(history.length - 1);
        }
        // Exact totals: the integer total equals the sum computed with big integers.
        const exact = state.costLines.reduce(
          (sum, l) =>
            l.unitAmountCents !== null && l.quantity !== null
              ? sum + BigInt(l.unitAmountCents) * BigInt(l.quantity)
              : sum,
          0n,
        );
        if (state.transmittedAmountCents !== null) expect(BigInt(state.transmittedAmountCents)).toBe(exact);
        if (state.amountGrantedCents !== null)
          expect(state.amountGrantedCents).toBeLessThanOrEqual(state.transmittedAmountCents ?? 0);
      }),
      { numRuns: propertyRuns(300) },
    );
    // The generator must reach transmissions, or the property above proves nothing about them.
    expect(transmissions).toBeGreaterThan(0);
  });
});

import * as E from 'fp-ts/Either';
import { fieldErrorsOf } from '../identifiers/decode-field';
import type { Siren } from '../identifiers/siren';
import type { Siret } from '../identifiers/siret';
import { createInMemoryAttachments } from './attachments';
import { createInMemoryEstablishmentDirectory, EstablishmentSnapshot } from './establishment-directory';
import { createInMemoryProviderDirectory, ProviderSnapshot } from './provider-directory';
import { assertLeft } from '@cartes-badges/eventsourcing/testing';

const address = { street: '10 RUE DAGOBERT', postalCode: '92110', city: 'CLICHY' };
const establishment = {
  siret: '81234567600017',
  siren: '812345676',
  name: 'Intérim Services Société',
  naf: '7820Z',
  idcc: '2378',
  publicType: 'Intérimaire',
  address,
};
const provider = (siret: string, headOffice: boolean) => ({
  siret,
  siren: siret.slice(0, 9),
  name: 'Chrono Services Formation',
  headOffice,
  uai: ['0693045K'],
  ndas: ['84691234569'],
  qualiopi: true,
  address: { ...address, complement: 'Bâtiment B' },
});

describe('EstablishmentSnapshot', () => {
  it('R-06 decodes an INSEE establishment, normalising NAF and IDCC and dropping unknown fields', () => {
    const decoded = EstablishmentSnapshot.decode({
      ...establishment,
      naf: '78.20Z',
      idcc: '02378',
      extra: 1,
    });
    expect(decoded).toEqual(E.right(establishment));
  });

  it('R-06 refuses a snapshot with a bad identifier, naming the field', () => {
    const decoded = EstablishmentSnapshot.decode({ ...establishment, siret: '81234567600018' });
    if (E.isRight(decoded)) throw new Error('should fail');
    expect(fieldErrorsOf(decoded.left)).toEqual([
      expect.objectContaining({ field: 'siret', code: 'SIRET_CHECKSUM' }),
    ]);
  });

  it('R-06 refuses a SIRET that does not belong to the SIREN', () => {
    const decoded = EstablishmentSnapshot.decode({ ...establishment, siren: '522987650' });
    expect(assertLeft(decoded)[0].message).toBe(
      "Le SIRET 81234567600017 n'appartient pas au SIREN 522987650 : attendu un SIRET commençant par 522987650",
    );
  });

  it('refuses a blank name and a bad postal code', () => {
    const decoded = EstablishmentSnapshot.decode({
      ...establishment,
      name: ' ',
      address: { ...address, postalCode: '9211' },
    });
    if (E.isRight(decoded)) throw new Error('should fail');
    expect(fieldErrorsOf(decoded.left).map((e) => [e.field, e.code])).toEqual([
      ['name', 'ESTABLISHMENT_NAME_FORMAT'],
      ['address.postalCode', 'POSTAL_CODE_FORMAT'],
    ]);
  });

  it('the in-memory INSEE directory finds by SIRET and refuses bad data at construction', async () => {
    const directory = createInMemoryEstablishmentDirectory([establishment as EstablishmentSnapshot]);
    expect(await directory.findBySiret('81234567600017' as Siret)).toEqual(establishment);
    expect(await directory.findBySiret('81234567600025' as Siret)).toBeUndefined();
    expect(() =>
      createInMemoryEstablishmentDirectory([
        { ...establishment, naf: 'X' } as unknown as EstablishmentSnapshot,
      ]),
    ).toThrow(/Établissement 81234567600017 invalide : naf : Le code NAF « X » n'est pas valide/);
  });
});

describe('ProviderSnapshot', () => {
  it('R-12 decodes a SIRENE provider with UAI, NDA and Qualiopi', () => {
    expect(ProviderSnapshot.decode(provider('49377120800011', true))).toEqual(
      E.right(provider('49377120800011', true)),
    );
  });

  it('R-12 refuses a provider whose UAI key is wrong', () => {
    const decoded = ProviderSnapshot.decode({ ...provider('49377120800011', true), uai: ['0693045A'] });
    if (E.isRight(decoded)) throw new Error('should fail');
    expect(fieldErrorsOf(decoded.left)).toEqual([
      expect.objectContaining({ field: 'uai.0', code: 'UAI_CHECKSUM' }),
    ]);
  });

  it('R-12 the in-memory SIRENE directory finds by SIREN (head office first) and by SIRET', async () => {
    const directory = createInMemoryProviderDirectory([
      provider('49377120800029', false),
      provider('49377120800011', true),
    ] as unknown as ProviderSnapshot[]);
    const bySiren = await directory.findBySiren('493771208' as Siren);
    expect(bySiren.map((p) => p.siret)).toEqual(['49377120800011', '49377120800029']);
    expect((await directory.findBySiret('49377120800029' as Siret))?.headOffice).toBe(false);
    expect(await directory.findBySiren('812345676' as Siren)).toEqual([]);
    expect(await directory.findBySiret('81234567600017' as Siret)).toBeUndefined();
  });
});

describe('Attachments', () => {
  it('R-04 tells which SIREN/SIRET a user is attached to; nothing for a stranger', async () => {
    const attachments = createInMemoryAttachments({
      'u-1': [
        {
          siren: '812345676' as Siren,
          sirets: ['81234567600017' as Siret],
          name: 'Intérim Services Société',
        },
      ],
    });
    expect(await attachments.ofUser('u-1')).toEqual([
      { siren: '812345676', sirets: ['81234567600017'], name: 'Intérim Services Société' },
    ]);
    expect(await attachments.ofUser('u-2')).toEqual([]);
  });

  it('R-04 refuses an attachment whose SIRET is not of its SIREN, or that repeats a SIREN', () => {
    expect(() =>
      createInMemoryAttachments({
        'u-1': [{ siren: '812345676' as Siren, sirets: ['52298765000010' as Siret], name: 'X' }],
      }),
    ).toThrow("Rattachement de u-1 invalide : Le SIRET 52298765000010 n'appartient pas au SIREN 812345676");
    const one = { siren: '812345676' as Siren, sirets: ['81234567600017' as Siret], name: 'X' };
    expect(() => createInMemoryAttachments({ 'u-1': [one, one] })).toThrow(/un SIREN apparaît deux fois/);
  });
});

describe('reference data without casts', () => {
  it('the in-memory directories take plain strings in their types and decode them at run time', async () => {
    // Plain literals, no `as Siret`: this file type-checks only if the constructors accept them.
    const establishments = createInMemoryEstablishmentDirectory([
      {
        siret: '73282932000074',
        siren: '732829320',
        name: 'Agence du Centre',
        naf: '7820Z',
        idcc: '2378',
        publicType: 'Intérimaire',
        address: { street: '1 RUE DU CENTRE', postalCode: '18000', city: 'BOURGES' },
      },
    ]);
    const providers = createInMemoryProviderDirectory([
      {
        siret: '73282932000074',
        siren: '732829320',
        name: 'Formations du Centre',
        headOffice: true,
        uai: [],
        ndas: ['11223344556'],
        qualiopi: true,
        address: { street: '1 RUE DU CENTRE', postalCode: '18000', city: 'BOURGES' },
      },
    ]);
    const attachments = createInMemoryAttachments({
      'u-1': [{ siren: '732829320', sirets: ['73282932000074'], name: 'Agence du Centre' }],
    });
    expect(await establishments.findBySiret('73282932000074' as Siret)).toEqual(
      expect.objectContaining({ name: 'Agence du Centre' }),
    );
    expect(await providers.findBySiren('732829320' as Siren)).toHaveLength(1);
    expect(await attachments.ofUser('u-1')).toHaveLength(1);
    expect(() =>
      createInMemoryAttachments({ 'u-2': [{ siren: '732829321', sirets: ['73282932000074'], name: 'X' }] }),
    ).toThrow(/SIREN/);
  });
});

import { readFileSync } from 'node:fs';
import { commandFields, decodeDossierCommand, DOSSIER_COMMAND_TYPES } from '@cartes-badges/domain';
import { COMMAND_EXAMPLES } from '../../scripts/docs/command-examples';
import { COMMAND_REFERENCE_PATH, renderCommandReference } from '../../scripts/docs/command-reference';

describe('docs/commands.md, the command reference generated from the codecs', () => {
  it('is up to date with the codecs (run `pnpm docs:commands` after changing a command)', () => {
    expect(readFileSync(COMMAND_REFERENCE_PATH, 'utf8')).toBe(renderCommandReference());
  });

  it.each(DOSSIER_COMMAND_TYPES)('the example of %s is a valid command of that type', (type) => {
    const decoded = decodeDossierCommand(COMMAND_EXAMPLES[type]);
    expect(decoded._tag === 'Right' ? decoded.right.type : decoded.left).toBe(type);
  });

  it('lists the payload fields the codecs declare, nested ones flattened', () => {
    expect(commandFields('CreateDraft')).toEqual({
      dossierId: 'optional',
      payload: 'required',
      fields: [
        { path: 'siret', required: true, codec: 'Siret' },
        { path: 'cardType', required: true, codec: 'CardTypeChoice' },
      ],
    });
    expect(commandFields('SaveDraft').fields.map((f) => [f.path, f.required])).toEqual(
      expect.arrayContaining([
        ['contactEmail', false],
        ['attestations.honour', false],
      ]),
    );
    expect(commandFields('TransmitDossier')).toEqual({
      dossierId: 'required',
      payload: 'absent',
      fields: [],
    });
  });
});

// a command sent again is recognised by its fingerprint (type, dossier id, payload), so
// that a retry never applies twice and a different command under a used id is told apart.
import { createHash } from 'node:crypto';
import { caseManager, DOSSIER_ID, employer, OTHER_DOSSIER_ID } from '../../testing';
import { commandFingerprint } from './command-fingerprint';
import type { DossierCommand } from './dossier-command';

const attach = (content: Uint8Array, extra: Record<string, unknown> = {}): DossierCommand =>
  ({
    type: 'AttachDocument',
    commandId: 'c1',
    actor: employer,
    dossierId: DOSSIER_ID,
    payload: { documentType: 'Autre', fileName: 'devis.pdf', content, ...extra },
  }) as DossierCommand;

describe('commandFingerprint', () => {
  it('R-36 is the same for a retry, whatever its command id, actor, key order or undefined keys', () => {
    const first = attach(new Uint8Array([1, 2, 3]));
    const retry = {
      ...attach(Uint8Array.from([1, 2, 3]), { documentId: undefined }),
      commandId: 'c2',
      actor: caseManager,
    } as DossierCommand;
    const reordered = {
      payload: { content: new Uint8Array([1, 2, 3]), fileName: 'devis.pdf', documentType: 'Autre' },
      dossierId: DOSSIER_ID,
      type: 'AttachDocument',
      commandId: 'c1',
      actor: employer,
    } as DossierCommand;
    expect(commandFingerprint(retry)).toBe(commandFingerprint(first));
    expect(commandFingerprint(reordered)).toBe(commandFingerprint(first));
    expect(commandFingerprint(first)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-36 is the SHA-256 of the canonical JSON of type, dossier id and payload, a file by its SHA-256 (as stored)', () => {
    const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
    const bytes = new Uint8Array([1, 2, 3]);
    const json =
      `{"dossierId":"${DOSSIER_ID}","payload":{"content":{"sha256":"${sha256(bytes)}"},` +
      `"documentType":"Autre","fileName":"devis.pdf"},"type":"AttachDocument"}`;
    expect(commandFingerprint(attach(bytes))).toBe(sha256(json));
  });

  it('R-36 differs with the file content, another payload field, the dossier or the command type', () => {
    const first = commandFingerprint(attach(new Uint8Array([1, 2, 3])));
    const others = [
      attach(new Uint8Array([1, 2, 4])),
      attach(new Uint8Array([1, 2, 3]), { documentId: '00000000-0000-4000-8000-00000000d001' }),
      { ...attach(new Uint8Array([1, 2, 3])), dossierId: OTHER_DOSSIER_ID },
      { ...attach(new Uint8Array([1, 2, 3])), type: 'RemoveDocument' },
    ] as DossierCommand[];
    const fingerprints = others.map(commandFingerprint);
    expect(new Set([first, ...fingerprints]).size).toBe(5);
  });

  it('R-36 takes an absent payload as null, tells a field set to null from an absent one, and keeps the order of lines', () => {
    const transmit = {
      type: 'TransmitDossier',
      commandId: 'c',
      actor: employer,
      dossierId: DOSSIER_ID,
    } as DossierCommand;
    const withNull = { ...transmit, payload: null } as unknown as DossierCommand;
    expect(commandFingerprint(withNull)).toBe(commandFingerprint(transmit));
    const save = (payload: unknown) =>
      commandFingerprint({
        type: 'SaveDraft',
        commandId: 'c',
        actor: employer,
        dossierId: DOSSIER_ID,
        payload,
      } as DossierCommand);
    expect(save({ comment: null })).not.toBe(save({}));
    // An undefined item of a list reads as null, as JSON.stringify writes it, rather than throwing.
    expect(save({ lines: [undefined] })).toBe(save({ lines: [null] }));
    expect(save({ lines: [{ quantity: 1 }, { quantity: 2 }] })).not.toBe(
      save({ lines: [{ quantity: 2 }, { quantity: 1 }] }),
    );
  });
});

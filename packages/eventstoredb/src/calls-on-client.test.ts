import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { kurrentDbCalls } from './kurrentdb-client';

describe("the adapter's calls on a client", () => {
  it('hand the client each event’s metadata as the UTF-8 bytes of its JSON text, which it sends as they are', async () => {
    // Given an object instead, the client writes its JSON as base64 text that the generated
    // protobuf code decodes back to bytes in JavaScript (twice per event on BatchAppend).
    const sent: { contentType: string; data: unknown; metadata: unknown }[] = [];
    const client = {
      appendToStream: async (_stream: string, events: typeof sent) => {
        sent.push(...events);
        return { success: true, nextExpectedRevision: 0n, position: { commit: 7n, prepare: 7n } };
      },
    };
    // The 1.x client's own appendToStream (the 6.x one goes through its classic Append module).
    const calls = kurrentDbCalls(client as unknown as KurrentDBClient);
    const metadataJson = JSON.stringify({ actor: { role: 'adherent', userId: 'zoé' }, commandId: null });
    const data = { n: 1, label: 'Carte' };
    await calls.append(
      'dossier-1',
      [{ id: crypto.randomUUID(), type: 'Counted', data, metadataJson }],
      'any',
    );

    expect(sent).toHaveLength(1);
    const [event] = sent;
    // Exactly this class: the client tests `metadata.constructor === Uint8Array`.
    expect((event.metadata as object).constructor).toBe(Uint8Array);
    expect(new TextDecoder().decode(event.metadata as Uint8Array)).toBe(metadataJson);
    expect(event.contentType).toBe('application/json');
    expect(event.data).toEqual(data);

    // The bytes are a view of a shared pool: the next append's own bytes never overwrite them,
    // and the view holds exactly the text's bytes, no more.
    const otherJson = JSON.stringify({ actor: { role: 'gestionnaire', userId: 'émile' }, commandId: 'c-2' });
    await calls.append(
      'dossier-1',
      [{ id: crypto.randomUUID(), type: 'Counted', data, metadataJson: otherJson }],
      'any',
    );
    expect(sent).toHaveLength(2);
    const first = event.metadata as Uint8Array;
    expect(first.byteLength).toBe(Buffer.byteLength(metadataJson));
    expect(new TextDecoder().decode(first)).toBe(metadataJson);
    expect(new TextDecoder().decode(sent[1].metadata as Uint8Array)).toBe(otherJson);
  });
});

// Test support: the portal on an in-memory store, driven over HTTP with Fastify's inject (no
// browser, no port), as a user signed in by the cookie « Se connecter en tant que » sets. The
// blob store counts its puts, so that a test can tell one stored file from two.
import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import { createInMemoryBlobStore, createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import type { DossierActor } from '@cartes-badges/domain';
import type { FixtureUser } from '@cartes-badges/domain/fixtures';
import {
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  samplePdf,
} from '@cartes-badges/domain/fixtures';
import * as E from 'fp-ts/Either';
import type { Portal } from '../src/portal';
import { buildPortal } from '../src/portal';
import { actorOfUser, USER_COOKIE } from '../src/session';

/** One answer of the portal, as a test reads it. */
export interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  /** The message the next page shows (redirect-after-post), or undefined. */
  readonly flash: { readonly kind: string; readonly text: string } | undefined;
  readonly body: string;
}

/** A portal under test over HTTP. */
export interface PortalOverHttp {
  readonly portal: Portal;
  readonly store: EventStore;
  /** How many times a file was handed to the blob store. */
  blobPuts(): number;
  /** Every event of the store, all streams (to see that nothing was written). */
  eventCount(): Promise<number>;
  get(user: FixtureUser, url: string): Promise<Answer>;
  post(user: FixtureUser, url: string, form: Readonly<Record<string, string>>): Promise<Answer>;
  upload(
    user: FixtureUser,
    url: string,
    fields: Readonly<Record<string, string>>,
    file: UploadedFile,
  ): Promise<Answer>;
  close(): Promise<void>;
}

/** A file as a browser sends it in a multipart form. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function countingPuts(blobs: BlobStore): { readonly store: BlobStore; readonly puts: () => number } {
  let puts = 0;
  return {
    store: {
      ...blobs,
      put(content) {
        puts += 1;
        return blobs.put(content);
      },
    },
    puts: () => puts,
  };
}

const cookie = (user: FixtureUser): string => `${USER_COOKIE}=${encodeURIComponent(user.id)}`;

function answerOf(response: { statusCode: number; headers: Record<string, unknown>; body: string }): Answer {
  const setCookies = ([] as unknown[]).concat(response.headers['set-cookie'] ?? []).map(String);
  const flashCookie = setCookies.find((c) => c.startsWith('portal-flash=') && !c.includes('Max-Age=0'));
  const flashText = flashCookie
    ? decodeURIComponent(flashCookie.slice('portal-flash='.length).split(';')[0])
    : '';
  const location = response.headers.location;
  return {
    status: response.statusCode,
    location: typeof location === 'string' ? location : undefined,
    flash: flashText === '' ? undefined : (JSON.parse(flashText) as Answer['flash']),
    body: response.body,
  };
}

// A multipart body as a browser builds it: the fields first, in order, then the file.
function multipart(fields: Readonly<Record<string, string>>, file: UploadedFile) {
  const boundary = '----portal-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Builds the portal on a new in-memory store. */
export async function startPortalOverHttp(): Promise<PortalOverHttp> {
  const store = createInMemoryEventStore();
  const blobs = countingPuts(createInMemoryBlobStore());
  const portal = await buildPortal({ store, blobStore: blobs.store });
  const { app } = portal;
  return {
    portal,
    store,
    blobPuts: blobs.puts,
    async eventCount() {
      let n = 0;
      for await (const _event of store.readAll()) n += 1;
      return n;
    },
    async get(user, url) {
      return answerOf(await app.inject({ method: 'GET', url, headers: { cookie: cookie(user) } }));
    },
    async post(user, url, form) {
      return answerOf(
        await app.inject({
          method: 'POST',
          url,
          headers: { cookie: cookie(user), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(form).toString(),
        }),
      );
    },
    async upload(user, url, fields, file) {
      const { payload, contentType } = multipart(fields, file);
      return answerOf(
        await app.inject({
          method: 'POST',
          url,
          headers: { cookie: cookie(user), 'content-type': contentType },
          payload,
        }),
      );
    },
    close: () => app.close(),
  };
}

/**
 * The command id drawn in the page for the form that posts to `action` (the first such form):
 * what a browser sends again when the form is sent twice.
 */
export function commandIdOfForm(page: string, action: string): string {
  const forms = page.split('<form').slice(1);
  const form = forms.find((f) => f.slice(0, f.indexOf('>')).includes(`action="${action}"`));
  const id =
    form === undefined
      ? null
      : /name="commandId" value="([^"]+)"/.exec(form.slice(0, form.indexOf('</form>')));
  if (id === null) throw new Error(`no form with a command id posts to ${action}`);
  return id[1];
}

/** What a user sees of an answer: its status, where it leads, its message. */
export const seenOf = (answer: Answer): readonly unknown[] => [answer.status, answer.location, answer.flash];

/**
 * The same form posted twice, as a double click or a retry sends it: the first answer, and
 * whether the second one was the same to the user and wrote nothing more.
 */
export async function postTwice(
  t: PortalOverHttp,
  user: FixtureUser,
  url: string,
  form: Readonly<Record<string, string>>,
): Promise<{ readonly first: Answer; readonly sameAnswer: boolean; readonly writtenBySecond: number }> {
  const first = await t.post(user, url, form);
  const written = await t.eventCount();
  const second = await t.post(user, url, form);
  return {
    first,
    sameAnswer: JSON.stringify(seenOf(second)) === JSON.stringify(seenOf(first)),
    writtenBySecond: (await t.eventCount()) - written,
  };
}

/** Runs a command as this fixture user, straight on the library (setting a scene). */
export async function run(
  t: PortalOverHttp,
  user: FixtureUser,
  command: Record<string, unknown>,
): Promise<{ readonly dossierId: string }> {
  const actor: DossierActor = actorOfUser(user);
  const result = await t.portal.library.service.execute({
    ...command,
    commandId: t.portal.library.service.newCommandId(),
    actor,
  });
  if (E.isLeft(result)) throw new Error(`${String(command.type)} refused: ${result.left.message}`);
  await t.portal.library.whenIdle();
  return { dossierId: result.right.dossierId };
}

/** Claire's establishment (HUM Interim Clichy). */
export const CLICHY = FIXTURE_ESTABLISHMENTS.interimServicesClichy.siret;

/** A draft of Claire's establishment (tachograph card), every tab empty. */
export const draftOf = (t: PortalOverHttp, employer: FixtureUser, siret = CLICHY) =>
  run(t, employer, { type: 'CreateDraft', payload: { siret, cardType: 'CHRONO' } });

/** A pré-saisie of Julien's provider for Claire's establishment. */
export const presaisieOf = (t: PortalOverHttp) =>
  run(t, FIXTURE_USERS.julien, {
    type: 'SubmitPresaisie',
    payload: { siret: CLICHY, cardType: 'CHRONO', costLines: [] },
  });

/**
 * A dossier of `employer` filled on every tab and transmitted, for a total of `unitAmount` × 5:
 * where the case manager's moves start.
 */
export async function transmittedOf(
  t: PortalOverHttp,
  employer: FixtureUser,
  unitAmount = '3 000,00',
): Promise<{ readonly dossierId: string }> {
  const { dossierId } = await draftOf(t, employer);
  const save = (payload: Record<string, unknown>) =>
    run(t, employer, { type: 'SaveDraft', dossierId, payload });
  await save({
    contactEmail: employer.email,
    providerSearch: FIXTURE_PROVIDERS.chronoLyon.siren,
    costLines: [{ nature: 'Achat Matériel', unitAmount, quantity: 5 }],
    attestations: { honour: true, generalConditions: true, supportingDocuments: true },
  });
  for (const documentType of ['Copie facture prestataire', 'Facture entreprise'])
    await run(t, employer, {
      type: 'AttachDocument',
      dossierId,
      payload: { documentType, fileName: `${documentType}.pdf`, content: samplePdf(documentType) },
    });
  await run(t, employer, { type: 'TransmitDossier', dossierId });
  return { dossierId };
}

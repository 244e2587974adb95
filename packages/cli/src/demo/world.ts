import type { BlobStore, EventStore } from '@cartes-badges/eventsourcing';
import type {
  Attachment,
  Clock,
  DossierActor,
  DossierService,
  EstablishmentSnapshot,
  ProviderSnapshot,
} from '@cartes-badges/domain';
import {
  createDossierService,
  createInMemoryAttachments,
  createInMemoryBlobStore,
  createInMemoryEstablishmentDirectory,
  createInMemoryProviderDirectory,
} from '@cartes-badges/domain';
import {
  FIXTURE_ATTACHMENTS,
  FIXTURE_ESTABLISHMENTS,
  FIXTURE_PROVIDERS,
  FIXTURE_USERS,
  generateCompanies,
  generateProviders,
} from '@cartes-badges/domain/fixtures';
import { usageError } from '../errors';

// The demo directory is fixed (same seed, same size whatever --dossiers says), so that every
// later command rebuilds the same users and attachments the demo wrote its dossiers with.
const WORLD_SEED = 2025;
const GENERATED_COMPANIES = 24;
const GENERATED_PROVIDERS = 8;

/** A user of the demo directory, with the actor its commands carry. */
export interface DemoUser {
  readonly id: string;
  /** Short name accepted by --as (fixture nickname, or the user id). */
  readonly nickname: string;
  readonly displayName: string;
  readonly actor: DossierActor;
}

/** The reference data of the demo: INSEE establishments, SIRENE providers, users and their attachments. */
export interface DemoWorld {
  readonly establishments: readonly EstablishmentSnapshot[];
  readonly providers: readonly ProviderSnapshot[];
  readonly attachments: Readonly<Record<string, readonly Attachment[]>>;
  readonly users: readonly DemoUser[];
  /** Employer users of the generated companies, with the establishments they act for. */
  readonly generatedEmployers: readonly { readonly user: DemoUser; readonly sirets: readonly string[] }[];
  /** Provider users of the generated and fixture providers. */
  readonly providerUsers: readonly { readonly user: DemoUser; readonly provider: ProviderSnapshot }[];
}

let cached: DemoWorld | undefined;

/** The demo world: the domain's fixtures plus seeded, generated agencies and providers. */
export function demoWorld(): DemoWorld {
  if (cached) return cached;
  const companies = generateCompanies(GENERATED_COMPANIES, WORLD_SEED);
  const generatedProviders = generateProviders(GENERATED_PROVIDERS, WORLD_SEED);
  const attachments: Record<string, readonly Attachment[]> = { ...FIXTURE_ATTACHMENTS };
  const users: DemoUser[] = Object.entries(FIXTURE_USERS).map(([nickname, u]) => ({
    id: u.id,
    nickname,
    displayName: u.displayName,
    actor: fixtureActor(u.id, u.role),
  }));
  const generatedEmployers = companies.map((company) => {
    const id = `u-${company.siren}`;
    const sirets = company.establishments.map((e) => e.siret as string);
    attachments[id] = [{ siren: company.siren, sirets, name: company.name } as unknown as Attachment];
    const user: DemoUser = {
      id,
      nickname: id,
      displayName: `Gestionnaire RH ${company.name}`,
      actor: { role: 'adherent', userId: id },
    };
    users.push(user);
    return { user, sirets };
  });
  const providers = [...Object.values(FIXTURE_PROVIDERS), ...generatedProviders];
  const providerUsers = generatedProviders.map((provider) => {
    // A provider user acts only for the provider it is attached to (checked by the service).
    attachments[`p-${provider.siren}`] = [
      { siren: provider.siren, sirets: [provider.siret], name: provider.name } as unknown as Attachment,
    ];
    const user: DemoUser = {
      id: `p-${provider.siren}`,
      nickname: `p-${provider.siren}`,
      displayName: `Conseiller ${provider.name}`,
      actor: {
        role: 'prestataire',
        userId: `p-${provider.siren}`,
        siren: provider.siren,
        siret: provider.siret,
      },
    };
    users.push(user);
    return { user, provider };
  });
  cached = {
    establishments: [...Object.values(FIXTURE_ESTABLISHMENTS), ...companies.flatMap((c) => c.establishments)],
    providers,
    attachments,
    users,
    generatedEmployers,
    providerUsers: [
      { user: userByNickname(users, 'julien'), provider: FIXTURE_PROVIDERS.chronoLyon },
      { user: userByNickname(users, 'amina'), provider: FIXTURE_PROVIDERS.btpNanterre },
      ...providerUsers,
    ],
  };
  return cached;
}

function fixtureActor(userId: string, role: 'adherent' | 'prestataire' | 'gestionnaire'): DossierActor {
  if (role !== 'prestataire') return { role, userId };
  // A provider user acts for its own company: the first establishment it is attached to.
  const company = FIXTURE_ATTACHMENTS[userId]?.[0];
  return company ? { role, userId, siren: company.siren, siret: company.sirets[0] } : { role, userId };
}

function userByNickname(users: readonly DemoUser[], nickname: string): DemoUser {
  const user = users.find((u) => u.nickname === nickname);
  if (!user) throw new Error(`demo world: no user ${nickname}`);
  return user;
}

/**
 * The actor of `--as`: a user of the demo directory by nickname or id, or `gestionnaire`
 * (every transmitted dossier) or `system` (everything).
 */
export function actorOf(as: string | undefined): DossierActor {
  if (as === undefined || as === 'system') return { role: 'system', userId: 'cli' };
  if (as === 'gestionnaire') return { role: 'gestionnaire', userId: 'cli' };
  const world = demoWorld();
  const user = world.users.find((u) => u.nickname === as || u.id === as);
  if (!user) {
    const known = world.users
      .filter((u) => u.nickname !== u.id)
      .map((u) => u.nickname)
      .join(', ');
    throw usageError(
      `Utilisateur inconnu « ${as} » pour --as : attendu ${known}, un identifiant (u-<SIREN>, p-<SIREN>), gestionnaire ou system`,
    );
  }
  return user.actor;
}

/** The dossier service over a store, with the demo world's reference data (files in memory unless `blobStore`). */
export function demoService(store: EventStore, clock?: Clock, blobStore?: BlobStore): DossierService {
  const world = demoWorld();
  return createDossierService({
    store,
    establishments: createInMemoryEstablishmentDirectory(world.establishments),
    providers: createInMemoryProviderDirectory(world.providers),
    attachments: createInMemoryAttachments(world.attachments),
    blobStore: blobStore ?? createInMemoryBlobStore(),
    ...(clock ? { clock } : {}),
  });
}

/**
 * How the CLI's lists believe actors: the operator at the terminal is trusted with role
 * `system` (the default of `--as`); provider users are checked against the demo world's
 * attachments, as the service does.
 */
export const CLI_LIST_IDENTITY = { allowSystemActor: true } as const;

/** The attachments port of the demo world (for list scopes). */
export function demoAttachments() {
  return createInMemoryAttachments(demoWorld().attachments);
}

import type { Metadata } from '@grpc/grpc-js';
import type { CallError } from './grpc-errors';
import { grpc } from './grpc-runtime';

/** A user of the stand-in: its password, and whether it may read `$all` (as `$admins`/`$ops` may). */
export interface StandInUser {
  readonly password: string;
  readonly readsAll: boolean;
}

/** The users a stand-in knows, by login name. */
export type StandInUsers = Readonly<Record<string, StandInUser>>;

/** Who a call is: the user its credentials name, or the refusal a real server sends back. */
export type CallIdentity = { readonly user: StandInUser } | { readonly refused: CallError };

/**
 * Checks a call's `authorization: Basic <base64 name:password>` header (what the clients send
 * for the credentials of the connection string) against the users, as a server with
 * authentication on does: none, an unknown name or a wrong password is UNAUTHENTICATED.
 */
export function identify(metadata: Metadata, users: StandInUsers): CallIdentity {
  const [header] = metadata.get('authorization');
  const match = /^Basic (.+)$/.exec(String(header ?? ''));
  if (match) {
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon > 0 ? users[decoded.slice(0, colon)] : undefined;
    if (user && Object.hasOwn(users, decoded.slice(0, colon)) && user.password === decoded.slice(colon + 1))
      return { user };
  }
  return { refused: { code: grpc.status.UNAUTHENTICATED, details: 'Bad credentials' } };
}

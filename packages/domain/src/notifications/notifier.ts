/** the message telling a provider that the employer refused its pré-saisie. */
export interface PresaisieRefusedNotification {
  readonly kind: 'PresaisieRefused';
  /** Dedupe key (the refusal event's id): the same key twice is the same notification. */
  readonly key: string;
  /** The provider that submitted the pré-saisie. */
  readonly recipient: { readonly siren: string; readonly siret: string | null; readonly name: string | null };
  readonly dossierId: string;
  readonly draftNumber: number | null;
  readonly employer: { readonly name: string; readonly siret: string } | null;
  readonly reason: string | null;
  readonly afterAcceptance: boolean;
  /** When the employer refused (ISO-8601). */
  readonly refusedAt: string;
  readonly subject: string;
  /** The text, in French, as the provider reads it. */
  readonly message: string;
}

/** A notification to a provider (one kind so far). */
export type ProviderNotification = PresaisieRefusedNotification;

/**
 * The port through which providers are notified (e-mail, portal inbox, message queue). `send`
 * may be called again with the same `key` after a failure or a restart: a real notifier should
 * dedupe on it (an idempotency key), so that the provider gets the message once.
 */
export interface Notifier {
  send(notification: ProviderNotification): Promise<void>;
}

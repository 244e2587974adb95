/**
 * Where the per-subject keys of crypto-shredding live (a subject is what one erasure covers: a
 * dossier, say). The events hold only ciphertext of personal values; destroying a subject's key
 * erases every one of them at once, without rewriting a single event, so the hash chain (taken
 * over the ciphertext) stays intact.
 */
export interface PersonalDataKeys {
  /**
   * The subject's 32-byte key, created on first use: every caller, concurrent ones included,
   * gets the same key. Rejects with `PersonalDataErasedError` once the key was destroyed (no
   * new key is ever made for an erased subject, so nothing written later reads in clear by
   * mistake).
   */
  keyForWriting(subject: string): Promise<Uint8Array>;
  /** For each subject asked: its key, or null once destroyed; a subject never keyed is absent. */
  keysFor(subjects: readonly string[]): Promise<ReadonlyMap<string, Uint8Array | null>>;
  /**
   * Destroys the subject's key for ever and leaves a tombstone. Idempotent: true when a key was
   * destroyed by this call, false when it already was (or the subject never had one).
   */
  destroy(subject: string): Promise<boolean>;
  /** Releases what the implementation opened itself (never a connection it was given). */
  close(): Promise<void>;
}

/** The subject's key was destroyed: its personal data was erased and none can be written again. */
export class PersonalDataErasedError extends Error {
  readonly code = 'PERSONAL_DATA_ERASED';
  constructor(readonly subject: string) {
    super(`The personal data of ${subject} was erased: no personal value can be written for it again`);
    this.name = 'PersonalDataErasedError';
  }
}

/** Length of a subject key (AES-256). */
export const SUBJECT_KEY_BYTES = 32;

/** Whether a subject id is one every implementation can keep: non-empty text of at most 200 characters, no NUL. */
export function isStorableSubject(subject: unknown): subject is string {
  return (
    typeof subject === 'string' && subject.length > 0 && subject.length <= 200 && !subject.includes('\u0000')
  );
}

/** Throws a TypeError naming the subject when it is not storable (nothing is written then). */
export function checkSubject(subject: string): void {
  if (!isStorableSubject(subject)) {
    throw new TypeError(
      `Personal data subject: non-empty text of at most 200 characters expected, got ${JSON.stringify(subject)?.slice(0, 60)}`,
    );
  }
}

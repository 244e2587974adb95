/** What was counted of the signatures in a verification that succeeded. */
export interface SignatureCounts {
  readonly signedEvents: number;
  readonly unsignedEvents: number;
}

/**
 * The line `verify` prints about signatures once the chains hold: verified against the keyring
 * given, or not verified, and then an unsigned store (or its unsigned part) is flagged as such,
 * since nothing proves who wrote those events.
 */
export function signatureLine(counts: SignatureCounts, keyringFile: string | undefined, scope = ''): string {
  const where = scope === '' ? '' : ` ${scope}`;
  if (keyringFile !== undefined)
    return `SIGNÉ  ${counts.signedEvents} événement(s)${where} signés par des clés du trousseau ${keyringFile}, chacune en service à la date de l'événement`;
  if (counts.unsignedEvents > 0)
    return `NON SIGNÉ  ${counts.unsignedEvents} événement(s) sans signature : rien ne prouve qui les a écrits (mode non signé)${counts.signedEvents > 0 ? ` ; ${counts.signedEvents} signé(s), non vérifiés sans --keys <trousseau.json>` : ''}`;
  return `Signatures non vérifiées : ${counts.signedEvents} événement(s) signés ; vérifiez-les avec --keys <trousseau.json>`;
}

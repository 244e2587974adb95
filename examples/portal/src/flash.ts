import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieOf, setCookie } from './session';

// Redirect-after-post: a command's outcome (the confirmation, "Enregistré") is carried to the
// page the browser is sent to in a short-lived cookie, shown once, then cleared.

const FLASH_COOKIE = 'portal-flash';

/** A message shown once on the next page. */
export interface Flash {
  readonly kind: 'success' | 'error';
  readonly text: string;
}

/** Sends the browser to `location` with a message for the page it lands on. */
export function redirectWithFlash(reply: FastifyReply, location: string, flash: Flash): FastifyReply {
  setCookie(reply, FLASH_COOKIE, JSON.stringify(flash));
  return reply.redirect(location, 303);
}

/** The message left for this page, if any; cleared so that a reload does not show it again. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const text = cookieOf(request, FLASH_COOKIE);
  if (text === undefined || text === '') return undefined;
  setCookie(reply, FLASH_COOKIE, undefined);
  try {
    const parsed = JSON.parse(text) as Partial<Flash>;
    if ((parsed.kind === 'success' || parsed.kind === 'error') && typeof parsed.text === 'string')
      return { kind: parsed.kind, text: parsed.text };
  } catch {
    // A cookie edited by hand: no message rather than an error page.
  }
  return undefined;
}

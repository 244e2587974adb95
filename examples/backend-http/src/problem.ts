import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DossierError, DossierErrorOf } from '@cartes-badges/domain';
import type { ProblemCode } from './problem-types';
import { PROBLEM_TYPES } from './problem-types';

/** The media type of every error this service answers (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Where problem types are named. A tag URI (RFC 4151) identifies without promising a page; a
 * team that publishes its error documentation puts that URL here instead.
 */
export const PROBLEM_TYPE_BASE = 'tag:cartes-badges,2026:problem:';

/**
 * An RFC 9457 problem: the five standard members, then this service's extensions: `code`
 * (stable, for programs), `field` (the offending field's path), and the library's details.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  /** What happened this time, in French: the library's message as the portal shows it. */
  readonly detail: string;
  /** The request's path: which occurrence this is. */
  readonly instance: string;
  readonly code: ProblemCode;
  readonly field?: string;
  readonly tab?: string;
  /** FORMAT (and UNKNOWN_CARD_TYPE): the fields that did not decode. */
  readonly problems?: DossierErrorOf<'FORMAT'>['problems'];
  /** INVALID_INPUT: the invalid tabs and their messages. */
  readonly invalidTabs?: DossierErrorOf<'INVALID_INPUT'>['invalidTabs'];
  /** NOT_READY: what readiness found. */
  readonly readiness?: unknown;
}

/** The type URI of a code (`FORMAT` → `…:problem:format`). */
export function problemType(code: ProblemCode): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;
}

/** A problem of `code` about `request`, with the extension members given. */
export function problem(
  code: ProblemCode,
  detail: string,
  request: FastifyRequest,
  extensions: Pick<Problem, 'field' | 'tab' | 'problems' | 'invalidTabs'> = {},
): Problem {
  const { status, title } = PROBLEM_TYPES[code];
  // The path without its query: a search term typed by a user stays out of error logs.
  const instance = request.url.split('?')[0];
  return { type: problemType(code), title, status, detail, instance, code, ...extensions };
}

/**
 * The problem a library refusal becomes: its code, message, and what its code carries (field,
 * tab, problems, invalid tabs) kept as they are.
 */
export function problemOfError(error: DossierError, request: FastifyRequest): Problem {
  const { code, message, ...details } = error;
  return problem(code, message, request, details);
}

/** Sends a problem with its status and media type; a 503 tells the client when to retry. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  if (body.status === 503) reply.header('retry-after', '1');
  return reply.code(body.status).type(PROBLEM_MEDIA_TYPE).send(body);
}

/** Answers a library refusal as a problem. */
export function refuse(reply: FastifyReply, error: DossierError): FastifyReply {
  return sendProblem(reply, problemOfError(error, reply.request));
}

import type { FastifyRequest } from 'fastify';
import { problemOfError } from './problem';
import { PROBLEM_TYPES } from './problem-types';

describe('problem statuses', () => {
  it('MISSING_CONTEXT (the service wired without a value decide needs) is a 500, not the caller’s 422', () => {
    const request = { url: '/commands?x=1' } as FastifyRequest;
    const body = problemOfError(
      { code: 'MISSING_CONTEXT', message: 'Donnée de contexte manquante pour décider : establishment' },
      request,
    );
    expect(body).toMatchObject({ status: 500, code: 'MISSING_CONTEXT', instance: '/commands' });
    expect(PROBLEM_TYPES.MISSING_CONTEXT.status).toBe(500);
  });

  it('what the caller can fix stays a 4xx: INVALID_INPUT 422, FORMAT 400', () => {
    expect(PROBLEM_TYPES.INVALID_INPUT.status).toBe(422);
    expect(PROBLEM_TYPES.FORMAT.status).toBe(400);
  });
});

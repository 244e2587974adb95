import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createInMemoryEventStore } from '@cartes-badges/eventsourcing';
import { dossierStoreOptions, DOSSIER_COMMAND_TYPES } from '@cartes-badges/domain';
import { FIXTURE_USERS } from '@cartes-badges/domain/fixtures';
import { COMMAND_EXAMPLES } from '../../../scripts/docs/command-examples';
import { inject } from '../test/inject';
import { buildApp } from './app';
import { openApiDocument, openApiPath } from './openapi';

// The OpenAPI document: valid OpenAPI 3.1 for a maintained validator, served as generated,
// describing every route the app serves, and its command schemas agreeing with the codecs on
// the reference's examples (the same ones docs/commands.md shows and its test decodes).

const document = openApiDocument();

function compileSchemas() {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's own keyword inside schemas (the others are JSON Schema 2020-12's), and the
  // document's member that holds them, so that `#/components/schemas/…` references resolve.
  ajv.addKeyword('discriminator');
  ajv.addKeyword('components');
  ajv.addSchema({ $id: 'openapi', components: (document as { components: object }).components });
  return (type: string) => ajv.getSchema(`openapi#/components/schemas/${type}`)!;
}
const schemaValidator = (() => {
  let compiled: ReturnType<typeof compileSchemas> | undefined;
  return () => (compiled ??= compileSchemas());
})();

/** A reference example as a client sends it over HTTP: no `actor`, the server sets it. */
function asHttpBody(example: object): object {
  const { actor: _actor, ...body } = example as { actor?: unknown };
  return body;
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (@apidevtools/swagger-parser)', async () => {
    // The validator dereferences in place: give it a copy.
    const api = await SwaggerParser.validate(
      structuredClone(document) as unknown as Parameters<typeof SwaggerParser.validate>[0],
    );
    expect((api as { openapi: string }).openapi).toBe('3.1.0');
    // And it is no rubber stamp: a parameter placed where OpenAPI has none is refused.
    const broken = structuredClone(document) as {
      paths: Record<string, { get: { parameters: { in: string }[] } }>;
    };
    broken.paths['/dossiers/{id}'].get.parameters[0].in = 'body';
    await expect(
      SwaggerParser.validate(broken as unknown as Parameters<typeof SwaggerParser.validate>[0]),
    ).rejects.toThrow();
  });

  it('is served as generated, and every route the app serves is in it (HEAD beside its GET)', async () => {
    const { app, servedRoutes } = await buildApp({ store: createInMemoryEventStore(dossierStoreOptions) });
    await app.ready();
    try {
      const served = await inject(app, { method: 'GET', url: '/openapi.json' });
      expect(served.statusCode).toBe(200);
      expect(served.json()).toEqual(JSON.parse(JSON.stringify(document)));
      const paths = (document as { paths: Record<string, Record<string, unknown>> }).paths;
      const routes = servedRoutes().filter((r) => r.method !== 'HEAD');
      expect(routes.length).toBeGreaterThanOrEqual(10);
      for (const route of routes)
        expect({
          route,
          described: paths[openApiPath(route.url)]?.[route.method.toLowerCase()] !== undefined,
        }).toEqual({
          route,
          described: true,
        });
      const operations = Object.values(paths).flatMap((p) => Object.keys(p));
      expect(operations).toHaveLength(routes.length);
    } finally {
      await app.close();
    }
  });

  it('a route added without being described stops the service at start', async () => {
    const { app } = await buildApp({ store: createInMemoryEventStore(dossierStoreOptions) });
    app.get('/secret-admin', async () => ({ ok: true }));
    await expect(app.ready()).rejects.toThrow('GET /secret-admin');
    await app.close().catch(() => undefined);
  });

  it.each(DOSSIER_COMMAND_TYPES)('the reference example of %s is valid against its schema', (type) => {
    const validate = schemaValidator()(type);
    const body = asHttpBody(COMMAND_EXAMPLES[type]);
    expect({ valid: validate(body), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    expect(schemaValidator()('Command')(body)).toBe(true);
  });

  it('R-42 the schemas refuse what the codecs refuse: an unknown field, a forged actor, both content and its alias', () => {
    const schemaOf = schemaValidator();
    const saveDraft = asHttpBody(COMMAND_EXAMPLES.SaveDraft) as { payload: object };
    expect(
      schemaOf('SaveDraft')({ ...saveDraft, payload: { ...saveDraft.payload, contactMail: 'a@b.fr' } }),
    ).toBe(false);
    expect(
      schemaOf('SaveDraft')({
        ...saveDraft,
        actor: { role: 'gestionnaire', userId: FIXTURE_USERS.claire.id },
      }),
    ).toBe(false);
    const attach = asHttpBody(COMMAND_EXAMPLES.AttachDocument) as { payload: { content: string } };
    const { content, ...withoutContent } = attach.payload;
    expect(
      schemaOf('AttachDocument')({ ...attach, payload: { ...withoutContent, contentBase64: content } }),
    ).toBe(true);
    expect(
      schemaOf('AttachDocument')({ ...attach, payload: { ...attach.payload, contentBase64: content } }),
    ).toBe(false);
    expect(schemaOf('AttachDocument')({ ...attach, payload: withoutContent })).toBe(false);
  });

  it('every error answer is a problem+json with the Problem schema', () => {
    const paths = (
      document as {
        paths: Record<string, Record<string, { responses: Record<string, { content: object }> }>>;
      }
    ).paths;
    for (const operation of Object.values(paths).flatMap((p) => Object.values(p)))
      for (const [status, response] of Object.entries(operation.responses))
        if (Number(status) >= 400)
          expect(response.content).toEqual({
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          });
  });
});

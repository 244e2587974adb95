import { createPostgresEventStore } from './postgres-store';
import { checkSchemaName } from './schema-name';

describe('createPostgresEventStore options', () => {
  it('asks for a database when given no connection string, no pool and no DATABASE_URL', async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      await expect(createPostgresEventStore()).rejects.toThrow(
        /no database given: pass connectionString or pool, or set DATABASE_URL/,
      );
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });

  it.each(['', 'Public', '1tenant', 'a-b', 'x'.repeat(49), 'a"; DROP TABLE x; --'])(
    'refuses the schema name %j, saying what it accepts',
    async (schema) => {
      await expect(
        createPostgresEventStore({ connectionString: 'postgres://nowhere/db', schema }),
      ).rejects.toThrow(/schema must be 1 to 48 characters among a-z, 0-9 and _/);
    },
  );

  it.each(['information_schema', 'pg_catalog', 'pg_toast', 'pg_temp_3', 'pg_anything', 'public'])(
    "refuses the reserved schema %j: PostgreSQL's own, or the shared default",
    async (schema) => {
      await expect(
        createPostgresEventStore({ connectionString: 'postgres://nowhere/db', schema }),
      ).rejects.toThrow(`schema "${schema}" is reserved`);
    },
  );

  it('accepts tenant-style schema names', () => {
    expect(checkSchemaName('tenant_42')).toBe('tenant_42');
    expect(checkSchemaName('_x')).toBe('_x');
    expect(checkSchemaName('pgx')).toBe('pgx');
    expect(checkSchemaName('publication')).toBe('publication');
  });

  it.each([0, -5, 1.5])('refuses pollIntervalMs %p', async (pollIntervalMs) => {
    await expect(
      createPostgresEventStore({ connectionString: 'postgres://nowhere/db', pollIntervalMs }),
    ).rejects.toThrow(/pollIntervalMs must be a positive integer/);
  });

  it.each([
    ['pollIntervalMs', 2 ** 31],
    ['heldBackTimeoutMs', 1e12],
  ])('refuses %s %p: past what a timer keeps, it would fire after 1 ms', async (name, value) => {
    await expect(
      createPostgresEventStore({ connectionString: 'postgres://nowhere/db', [name]: value }),
    ).rejects.toThrow(`${name} must be a positive integer of at most 2147483647 (got ${value})`);
  });
});

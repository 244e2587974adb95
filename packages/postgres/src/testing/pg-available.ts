import { execFileSync } from 'node:child_process';

/** The database the tests use: DATABASE_URL, or the CI server (trust auth, database `test`). */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let verdict: { reason: string | undefined } | undefined;

/**
 * Why PostgreSQL cannot be used for tests, or undefined when it answers. Synchronous (a child
 * process tries to connect) because jest decides what to skip while it collects the tests.
 * Under CI (CI=true) an unreachable server throws instead: CI must fail, never skip.
 */
export function postgresUnavailableReason(): string | undefined {
  verdict ??= { reason: probe() };
  if (verdict.reason !== undefined && process.env.CI === 'true') {
    throw new Error(
      `PostgreSQL is required in CI but ${verdict.reason}. Start it (127.0.0.1:5432, trust auth, database test) or set DATABASE_URL.`,
    );
  }
  if (verdict.reason !== undefined) console.warn(`PostgreSQL tests skipped: ${verdict.reason}`);
  return verdict.reason;
}

function probe(): string | undefined {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 3000 });
    client.connect()
      .then(() => client.query('SELECT 1'))
      .then(() => client.end())
      .then(() => process.exit(0), (error) => { console.error(error.message); process.exit(1); });`;
  try {
    execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, PROBE_URL: TEST_DATABASE_URL },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10_000,
    });
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    return `${redact(TEST_DATABASE_URL)} is unreachable (${stderr || (error as Error).message})`;
  }
}

// Never print a password that DATABASE_URL may carry.
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * A stand-in server in a process of its own, for running the real-server suites against a
 * server they cannot control (their skips and namespaces exercised without Docker):
 *
 *   npx tsx packages/eventstoredb/test/stand-in/serve.ts [batch|classic]
 *
 * prints the connection string, then serves until killed.
 */
import { StandInServer } from './stand-in-server';
import type { FeaturesMode } from './server-features';

async function main(): Promise<void> {
  const features = (process.argv[2] ?? 'batch') as FeaturesMode;
  const server = await StandInServer.start({ features });
  console.log(server.connectionString);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

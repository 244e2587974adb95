// Starts the portal on http://127.0.0.1:3100 (or PORT) on the store named as the CLI names it:
// `--store <url>`, else CARTES_BADGES_STORE, else the embedded SQLite file ./data/events.db.
//   npx --yes pnpm@10.34.9 --filter @cartes-badges/example-portal start
//   npx --yes pnpm@10.34.9 --filter @cartes-badges/example-portal start -- --store postgres://postgres@127.0.0.1:5432/test
import { DEFAULT_STORE } from '@cartes-badges/cli';
import { buildPortal } from './portal';
import { openPortalStores } from './stores';

/** The value of `--store <url>` or `--store=<url>` among the arguments. */
export function storeArgument(args: readonly string[]): string | undefined {
  const i = args.indexOf('--store');
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith('--store='))?.slice('--store='.length);
}

async function main(): Promise<void> {
  const url = storeArgument(process.argv.slice(2)) ?? process.env.CARTES_BADGES_STORE ?? DEFAULT_STORE;
  const stores = await openPortalStores(url);
  const { app } = await buildPortal({ ...stores, logger: true });
  const port = Number(process.env.PORT ?? 3100);
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`Portail sur http://127.0.0.1:${port}/ — store ${stores.label}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app
        .close()
        .then(() => stores.close())
        .then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

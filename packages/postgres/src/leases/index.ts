export * from './postgres-leases';
export * from './postgres-reactor-ledger';
export {
  WORKERS_COMPONENT,
  WORKER_LEASES_TABLE,
  REACTOR_CHECKPOINTS_TABLE,
  REACTOR_DONE_TABLE,
  WORKER_MIGRATIONS,
} from './lease-schema';

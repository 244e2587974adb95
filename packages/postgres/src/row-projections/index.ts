export * from './postgres-row-projection';

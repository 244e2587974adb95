export * from './sqlite-row-projection';

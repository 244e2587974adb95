export * from './dossier-number';
export * from './numbering-events';
export * from './numbers';
export * from './reserve-number';

// The public API of @cartes-badges/domain: reference data and its ports, then the dossier
// aggregate (events, commands, decider, validation) and the application service.
export * from './identifiers';
export * from './money';
export * from './catalogue';
export * from './documents';
export * from './ports';
export * from './dossier';
export * from './view';
export * from './service';
export * from './lists';
export * from './notifications';

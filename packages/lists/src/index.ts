// The public API of @cartes-badges/lists: the read side of the dossiers. The in-memory list
// engine (a column store behind the domain's ListReadModel port), the one batch fold that feeds
// any number of lists, and the wiring of the lists and the refusal notifications over a store
// (createReadSide, createDossierApplication). What the lists mean (rows, placement, scope,
// requests, queries) stays in @cartes-badges/domain.
export * from './engine';
export * from './fold';
export * from './read-side';

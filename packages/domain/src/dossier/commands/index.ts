export * from './actor';
export * from './command-shape';
export * from './creation-commands';
export * from './draft-commands';
export * from './dossier-command';
export * from './instruction-commands';
export * from './payload-codecs';
export * from './new-dossier-id';

export * from './address';
export * from './establishment-directory';
export * from './provider-directory';
export * from './file-metadata';
export * from './attachments';
export * from './clock';
export * from './id-generator';

export * from './file-format';
export * from './detect-format';
export * from './blob-store';
export * from './check-uploaded-file';

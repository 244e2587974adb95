export * from './cents';
export * from './parse-euros';
export * from './format-euros';
export * from './arithmetic';

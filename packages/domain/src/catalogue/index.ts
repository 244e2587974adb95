export * from './card-type';
export * from './catalogue';
export * from './default-catalogue';

export { openStore, type Store, type PutResult, type OpenOptions } from './open-store.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { fold } from './fold.ts';

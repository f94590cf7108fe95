export { openStore, type Store, type PutResult, type PutOptions, type OpenOptions } from './open-store.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export { PG_SCHEMA_VERSION } from './pg-migrations.ts';
export { fold } from './fold.ts';
export { isPostgresUrl, type Sql, type Dialect, type RunResult, type RowBatch } from './sql.ts';

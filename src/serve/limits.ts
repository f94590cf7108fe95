// Query-cost and body limits of the HTTP API, in one place so the OpenAPI document and the checks agree.

/** Rows per page; NDJSON streams are read from the database in pages of this size too. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
/** Longest from–to span a query may ask for. */
export const MAX_RANGE_DAYS = 3660;
/** Largest article body POST /analyze and POST /ingest accept (articles are kilobytes). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Edges the network endpoint returns at most; more is unreadable as a drawing anyway. */
export const MAX_EDGES = 500;
export const MAX_RELATIONS = 200;
/** PostgreSQL: a statement of the server running longer than this is cancelled and answered 503. */
export const QUERY_TIMEOUT_MS = 15_000;

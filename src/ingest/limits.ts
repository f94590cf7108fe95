/** Largest input we accept. News articles are kilobytes; anything this big is a wrong file, not an article. */
export const MAX_INPUT_MB = 20;
export const MAX_INPUT_BYTES = MAX_INPUT_MB * 1024 * 1024;

/**
 * Most facts one article may carry. A real article has tens of each; a page that yields thousands is a
 * list, a dump or an attack, and storing all of it would cost every reader. What is over is dropped with
 * a warning in the article's messages (see schema/caps.ts for which are kept).
 */
export const MAX_ENTITIES = 1000;
export const MAX_QUOTES = 500;
export const MAX_TIMES = 1000;
export const MAX_EVENTS = 1000;

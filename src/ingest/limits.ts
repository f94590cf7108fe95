/** Largest input we accept. News articles are kilobytes; anything this big is a wrong file, not an article. */
export const MAX_INPUT_MB = 20;
export const MAX_INPUT_BYTES = MAX_INPUT_MB * 1024 * 1024;

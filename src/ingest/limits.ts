/** Largest input we accept. News articles are kilobytes; anything this big is a wrong file, not an article. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

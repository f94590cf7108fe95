/** Escape a user string for `LIKE ? ESCAPE '\'` so % and _ in it are literal. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

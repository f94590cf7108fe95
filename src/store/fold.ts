/**
 * Case- and accent-insensitive form of a name, so "sefcovic" finds "Šefčovič" and "ÖZIL" finds "Özil".
 * SQLite's own lower() and LIKE fold ASCII only; openStore registers this as the SQL function fold().
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

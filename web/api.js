/** GET a JSON resource of this server; a problem+json answer becomes an Error with its detail. */
export async function get(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const res = await fetch(qs.size ? `${path}?${qs}` : path, { headers: { accept: 'application/json' } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.detail ?? `${res.status} ${res.statusText}`);
  return body;
}

/** The route is the hash: #/view/arg?key=value */
export function parseHash(hash) {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = path.split('/');
  return { view: view || 'timeline', arg: rest.map(decodeURIComponent).join('/'), params: Object.fromEntries(new URLSearchParams(query)) };
}

export function hashFor(view, arg, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ''}${qs.size ? `?${qs}` : ''}`;
}

import { HttpProblem } from './problem.ts';

/**
 * `fields=id,type,source.name` keeps only those paths of each item (dotted paths reach into objects;
 * an array along the way is mapped). Unknown fields are left out rather than refused, so one request
 * works over items of varying shape.
 */
export function fieldSelector(fields: string | undefined): ((item: unknown) => unknown) | null {
  if (fields === undefined || fields.trim() === '') return null;
  const paths = fields.split(',').map((f) => f.trim()).filter(Boolean).map((f) => f.split('.'));
  if (paths.length > 50) throw new HttpProblem(400, 'Bad request', `fields: ${paths.length} fields; at most 50`);
  return (item) => {
    const out: Record<string, unknown> = {};
    for (const path of paths) copyPath(item, out, path);
    return out;
  };
}

function copyPath(from: unknown, to: Record<string, unknown>, path: string[]): void {
  if (from === null || typeof from !== 'object') return;
  const [head, ...rest] = path;
  if (!Object.hasOwn(from, head)) return;
  const value = (from as Record<string, unknown>)[head];
  if (rest.length === 0) {
    to[head] = value;
  } else if (Array.isArray(value)) {
    const prev = (to[head] as Record<string, unknown>[] | undefined) ?? value.map(() => ({}));
    value.forEach((v, i) => copyPath(v, prev[i], rest));
    to[head] = prev;
  } else if (value !== null && typeof value === 'object') {
    const prev = (to[head] as Record<string, unknown> | undefined) ?? {};
    copyPath(value, prev, rest);
    to[head] = prev;
  }
}

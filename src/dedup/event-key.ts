import type { Article, Event, EventActor } from '../schema/article.ts';
import { fold } from '../store/fold.ts';

export interface Quantity { value: number; unit: string }

/**
 * Who an event actor is, across articles: the dictionary actor when the entity has one ("PUTIN_VLADIMIR"
 * whether the article wrote "Putin", "the president" or "Vladimir Putin"), else the folded name, else the
 * country code. Empty when the article does not say.
 */
export function actorKey(actor: EventActor, article: Article): string {
  const entity = actor.entity ? article.entities.find((e) => e.id === actor.entity) : undefined;
  if (entity?.actor) return entity.actor;
  const name = actor.name ?? entity?.name;
  if (name) return fold(name);
  return actor.country ?? '';
}

/**
 * Mentions can describe one happening only if they agree on all of this. Negated, conditional and intended
 * events are different happenings from the act itself ("no call was scheduled" is not the call).
 */
export function mergeKey(ev: Event, article: Article): string {
  return [ev.type, actorKey(ev.source, article), actorKey(ev.target, article),
    ev.negated ? 'not' : '', ev.conditional ? 'if' : '', ev.intent ? 'intent' : ''].join('|');
}

/** The event's day, or null when it has none (only a month or a year, or no date at all). */
export function eventDay(ev: Event): string | null {
  return ev.date && /^\d{4}-\d{2}-\d{2}/.test(ev.date) ? ev.date.slice(0, 10) : null;
}

/**
 * Reports of one happening date it a day apart: a story filed late at night, or "yesterday" in the next
 * day's paper. Mentions more than this apart are different happenings.
 */
export const DATE_WINDOW_DAYS = 1;

export function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Early and later reports differ in their figures (a death toll rises); within this share they agree. */
export const QUANTITY_TOLERANCE = 0.1;

/** Numbers are compatible when, for every unit both mention, some pair of values agrees within tolerance. */
export function compatibleQuantities(a: Quantity[], b: Quantity[]): boolean {
  const units = new Set(a.map((q) => q.unit));
  for (const unit of new Set(b.map((q) => q.unit))) {
    if (!units.has(unit)) continue;
    const as = a.filter((q) => q.unit === unit).map((q) => q.value);
    const bs = b.filter((q) => q.unit === unit).map((q) => q.value);
    const agree = as.some((x) => bs.some((y) => Math.abs(x - y) <= QUANTITY_TOLERANCE * Math.max(Math.abs(x), Math.abs(y))));
    if (!agree) return false;
  }
  return true;
}

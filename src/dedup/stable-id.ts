import { createHash } from 'node:crypto';

/**
 * A short id derived from the smallest member of a group, so a group's id depends only on which members it
 * has, never on the order they arrived in. `kind` keeps a story and an event with the same first member apart.
 */
export function stableId(kind: 'story' | 'event', smallestMember: string): string {
  return createHash('sha256').update(`${kind}\0${smallestMember}`).digest('hex').slice(0, 16);
}

/** The first 13 hex digits as a number: 52 bits, exact in a double, a valid BIGINT for GDELT tooling. */
export function numericId(id: string): number {
  return parseInt(id.slice(0, 13), 16);
}

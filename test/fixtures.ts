// Hand-built analyses for the store, query and CLI tests, so they test storage and querying,
// not how well the pipeline happens to analyse a text today.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { SCHEMA_ID, type Article, type Event, type TextSpan } from '../src/schema/article.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'wirewatch.js');

/** A fresh temporary folder, removed when the test file finishes. */
export function tmpDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wirewatch-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI as a child process, the way a user runs it. */
export function cli(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO, input: opts.input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function span(text: string, needle: string, from = 0): TextSpan {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  const end = start + needle.length;
  return { start, end, sourceStart: start, sourceEnd: end, text: needle };
}

export const KREMLIN_TEXT =
  'Kremlin spokesman Dmitry Peskov said on Monday, "The president remains open to contact with President Trump." ' +
  'Trump said he would put secondary tariffs of 25% on Russian oil if there is no deal. ' +
  'Peskov added that no call was scheduled.';

/** Peskov quoted twice, two events (one conditional THREATEN with a quantity), one resolved time. */
export function kremlinArticle(overrides: Partial<Article> = {}): Article {
  const t = KREMLIN_TEXT;
  const quote1 = span(t, 'The president remains open to contact with President Trump.');
  const quote2 = span(t, 'no call was scheduled');
  const threaten: Event = {
    id: 'v1', type: 'THREATEN', mode: 'sanctions', cameo: '1312',
    source: { name: 'Donald Trump', country: 'USA' }, target: { name: 'Russia', country: 'RUS' },
    date: '2025-03-30', quantities: [{ value: 25, unit: '%' }], conditional: true,
    evidence: [{ ...span(t, 'put secondary tariffs'), role: 'trigger' }],
  };
  const consult: Event = {
    id: 'v2', type: 'CONSULT', mode: 'phone', cameo: '040',
    source: { name: 'Vladimir Putin', country: 'RUS' }, target: { name: 'Donald Trump', country: 'USA' },
    date: '2025-03-31T10:00:00+03:00', negated: true,
    evidence: [{ ...span(t, 'no call was scheduled'), role: 'trigger' }],
  };
  return {
    schema: SCHEMA_ID,
    id: createHash('sha256').update(t).digest('hex'),
    source: { uri: 'kremlin.txt', format: 'text' },
    meta: { title: 'Kremlin open to contact', published: '2025-03-31', credit: 'agencies' },
    text: t,
    paragraphs: [{ start: 0, end: t.length, sourceStart: 0, sourceEnd: t.length, kind: 'paragraph' }],
    related: [],
    removed: [],
    entities: [
      { id: 'e1', name: 'Dmitry Peskov', type: 'PERSON', role: 'spokesman', affiliation: 'Kremlin', country: 'RUS',
        mentions: [{ ...span(t, 'Dmitry Peskov'), kind: 'name' }, { ...span(t, 'Peskov', t.indexOf('Peskov added')), kind: 'surname' }] },
      { id: 'e2', name: 'Donald Trump', type: 'PERSON', role: 'President', country: 'USA', mentions: [{ ...span(t, 'Trump'), kind: 'surname' }] },
    ],
    quotes: [
      { id: 'q1', kind: 'direct', ...quote1, speaker: { name: 'Dmitry Peskov', entity: 'e1' },
        date: { value: '2025-03-31', text: 'on Monday', basis: 'expression' } },
      { id: 'q2', kind: 'indirect', ...quote2, speaker: { name: 'Dmitry Peskov', entity: 'e1' },
        date: { value: '2025-03-31', basis: 'context' } },
    ],
    times: [{ ...span(t, 'on Monday'), type: 'DATE', value: '2025-03-31' }],
    events: [threaten, consult],
    messages: [],
    ...overrides,
  };
}

export const GAZA_TEXT = 'Hamas leader Ismail Haniyeh said: "We will not withhold anything." The talks in Doha ended on 2 March.';

/** A second, unrelated article: a different speaker and an event outside March's last days. */
export function gazaArticle(): Article {
  const t = GAZA_TEXT;
  const q = span(t, 'We will not withhold anything.');
  return {
    ...kremlinArticle(),
    id: createHash('sha256').update(t).digest('hex'),
    source: { uri: 'gaza.txt', format: 'text' },
    meta: { published: '2025-03-03' },
    text: t,
    paragraphs: [{ start: 0, end: t.length, sourceStart: 0, sourceEnd: t.length, kind: 'paragraph' }],
    entities: [{ id: 'e1', name: 'Ismail Haniyeh', type: 'PERSON', role: 'leader', affiliation: 'Hamas', mentions: [{ ...span(t, 'Ismail Haniyeh'), kind: 'name' }] }],
    quotes: [{ id: 'q1', kind: 'direct', ...q, speaker: { name: 'Ismail Haniyeh', entity: 'e1' }, date: { value: '2025-03-03', basis: 'publication' } }],
    times: [{ ...span(t, 'on 2 March'), type: 'DATE', value: '2025-03-02' }],
    events: [{
      id: 'v1', type: 'CONSULT', cameo: '043', source: { name: 'Hamas' }, target: { name: 'Qatar', country: 'QAT' },
      date: '2025-03-02', evidence: [{ ...span(t, 'The talks in Doha ended'), role: 'sentence' }],
    }],
  };
}

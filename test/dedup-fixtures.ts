// Hand-built analyses of one wire story, a republished copy and an unrelated report, for the dedup and
// export tests: they test clustering and merging, not how well the pipeline analyses a text today.
import { createHash } from 'node:crypto';
import { SCHEMA_ID, type Article, type Event, type TextSpan } from '../src/schema/article.ts';

export const WIRE_TEXT =
  'The Kremlin has confirmed that Russian President Vladimir Putin is still willing to engage in discussions with ' +
  'US President Donald Trump despite recent criticism over the lack of progress on a ceasefire in Ukraine.\n\n' +
  'Kremlin spokesman Dmitry Peskov told reporters on Monday that the president remains open to contact with ' +
  'President Trump, but that no phone call had been scheduled between the two leaders at present.\n\n' +
  'Trump said he would put secondary tariffs of 25% on all oil coming out of Russia if there is no deal on ' +
  'stopping the bloodshed in Ukraine, and that the tariffs could be imposed within a month.';

// Republished: a new headline, one sentence reworded, an agency credit at the end.
export const COPY_TEXT = WIRE_TEXT
  .replace('told reporters on Monday', 'told journalists in Moscow on Monday')
  + '\n\n(With inputs from agencies)';

export const OTHER_TEXT =
  'Hamas leader Ismail Haniyeh urged supporters to resist the plan for Gaza, saying the group would not withhold ' +
  'anything. The talks in Doha ended on 2 March without an agreement, officials in Qatar said.';

function span(text: string, needle: string): TextSpan {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, sourceStart: start, sourceEnd: start + needle.length, text: needle };
}

function sentenceAround(text: string, needle: string): TextSpan {
  const at = text.indexOf(needle);
  const afterStop = text.lastIndexOf('. ', at);
  const start = Math.max(afterStop < 0 ? 0 : afterStop + 2, text.lastIndexOf('\n', at) + 1);
  const stop = text.indexOf('.', at + needle.length);
  return span(text, text.slice(start, stop + 1));
}

export interface EventSpec extends Omit<Event, 'evidence'> { trigger: string }

export function article(text: string, meta: Article['meta'], events: EventSpec[], uri: string): Article {
  const paragraphs = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n\n', start) < 0 ? text.length : text.indexOf('\n\n', start);
    paragraphs.push({ start, end, sourceStart: start, sourceEnd: end, kind: 'paragraph' as const });
    start = end + 2;
  }
  return {
    schema: SCHEMA_ID,
    id: createHash('sha256').update(text).digest('hex'),
    source: { uri, format: 'text' },
    meta,
    text,
    paragraphs,
    related: [],
    removed: [],
    entities: [
      { id: 'e1', name: 'Vladimir Putin', type: 'PERSON', country: 'RUS', actor: 'PUTIN_VLADIMIR', mentions: [] },
      { id: 'e2', name: 'Donald Trump', type: 'PERSON', country: 'USA', actor: 'TRUMP_DONALD', mentions: [] },
    ],
    quotes: [],
    times: [],
    events: events.map(({ trigger, ...ev }) => ({
      ...ev,
      evidence: [{ ...span(text, trigger), role: 'trigger' as const }, { ...sentenceAround(text, trigger), role: 'sentence' as const }],
    })),
    messages: [],
  };
}

const putin = { name: 'Vladimir Putin', entity: 'e1', country: 'RUS', sector: 'GOV' };
const trump = { name: 'Donald Trump', entity: 'e2', country: 'USA', sector: 'GOV' };
const russia = { name: 'Russia', country: 'RUS' };

function wireEvents(): EventSpec[] {
  return [
    { id: 'v1', type: 'AGREE', cameo: '036', goldstein: 4, quadClass: 1, source: putin, target: trump, intent: true,
      date: '2025-03-31', trigger: 'willing to engage in discussions' },
    { id: 'v2', type: 'CONSULT', mode: 'phone', cameo: '041', goldstein: 1, quadClass: 1, source: putin, target: trump,
      negated: true, date: '2025-03-31', trigger: 'no phone call had been scheduled' },
    { id: 'v3', type: 'THREATEN', mode: 'restrict', cameo: '1312', goldstein: -5.8, quadClass: 3, source: trump, target: russia,
      conditional: true, date: '2025-03-30', quantities: [{ value: 25, unit: 'percent', text: '25%' }], trigger: 'put secondary tariffs' },
  ];
}

export function wireArticle(): Article {
  return article(WIRE_TEXT, { title: 'Kremlin says Putin open to talks with Trump', published: '2025-03-31', url: 'https://www.example-wire.com/kremlin' },
    wireEvents(), 'wire.txt');
}

/** The copy, published a day later: its dates are a day later too, still inside the merge window. */
export function copyArticle(): Article {
  const a = article(COPY_TEXT, { title: 'Putin still willing to talk, Kremlin says', published: '2025-04-01', url: 'https://news.example.org/world/putin-talks', credit: 'agencies' },
    wireEvents(), 'copy.txt');
  a.events = a.events.map((e) => ({ ...e, date: e.id === 'v3' ? '2025-03-31' : '2025-04-01' }));
  return a;
}

export function otherArticle(): Article {
  return article(OTHER_TEXT, { published: '2025-03-03' }, [
    { id: 'v1', type: 'CONSULT', cameo: '043', source: { name: 'Hamas' }, target: { name: 'Qatar', country: 'QAT' },
      date: '2025-03-02', trigger: 'The talks in Doha ended' },
  ], 'other.txt');
}

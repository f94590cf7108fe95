/**
 * The GDELT 2.0 Event and Mentions tables: their columns in the official order (GDELT Event Codebook
 * V2.0), so tools written for GDELT's tab-separated files read ours. Codes stay strings ("042", not 42).
 * What Wirewatch does not produce (ethnic, religion and known-group codes, tone, geography, confidence,
 * sentence numbers) is left empty.
 */
import type { Sql } from '../store/sql.ts';
import { EVENTS_SQL, streamObjects } from './tables.ts';

const ACTOR = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code',
  'Type1Code', 'Type2Code', 'Type3Code'];
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR.map((c) => `Actor1${c}`), ...ACTOR.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO.map((c) => `Actor1Geo_${c}`), ...GEO.map((c) => `Actor2Geo_${c}`), ...GEO.map((c) => `ActionGeo_${c}`),
  'DATEADDED', 'SOURCEURL',
];

interface EventRow {
  global_id: number; date: string | null; cameo: string; goldstein: number | null; quad_class: number | null;
  source_name: string | null; source_country: string | null; source_sector: string | null;
  target_name: string | null; target_country: string | null; target_sector: string | null;
  in_lead: number; num_mentions: number; num_articles: number; num_sources: number;
  first_url: string | null; first_uri: string | null; added_at: string;
}

/** GDELT rows, one per happening, streamed from the database. */
export async function* gdeltEvents(db: Sql): AsyncGenerator<string[]> {
  for await (const r of streamObjects<EventRow>(db, EVENTS_SQL)) yield gdeltRow(r);
}

export function gdeltRow(r: EventRow): string[] {
  const day = r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null;
  const [y, m, d] = day ? day.split('-') : ['', '', ''];
  const row = [
    String(r.global_id), day ? `${y}${m}${d}` : '', day ? `${y}${m}` : '', y,
    // GDELT's own formula: (month * 30 + day) / 365, four decimals.
    day ? (Number(y) + (Number(m) * 30 + Number(d)) / 365).toFixed(4) : '',
    ...actor(r.source_name, r.source_country, r.source_sector),
    ...actor(r.target_name, r.target_country, r.target_sector),
    String(r.in_lead), r.cameo, r.cameo.slice(0, 3), r.cameo.slice(0, 2),
    r.quad_class === null ? '' : String(r.quad_class), r.goldstein === null ? '' : String(r.goldstein),
    String(r.num_mentions), String(r.num_sources), String(r.num_articles), '',
    ...Array<string>(GEO.length * 3).fill(''),
    timestamp(r.added_at), r.first_url ?? r.first_uri ?? '',
  ];
  return row;
}

/** CAMEO actor code: country then role ("RUSGOV"); GDELT writes names in capitals. */
function actor(name: string | null, country: string | null, sector: string | null): string[] {
  const code = `${country ?? ''}${sector ?? ''}`;
  return [code, name?.toUpperCase() ?? '', country ?? '', '', '', '', '', sector ?? '', '', ''];
}

export const GDELT_MENTION_COLUMNS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier',
  'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence',
  'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
];

const MENTIONS_SQL = `
  SELECT me.global_id, me.added_at, a.ingested_at, em.outlet, a.url, a.uri, em.evidence, length(a.text) AS doc_len
  FROM event_mentions em
  JOIN merged_events me ON me.id = em.merged_event_id
  JOIN articles a ON a.id = em.article_id
  ORDER BY me.global_id, em.article_id, em.event_id`;

interface MentionRow {
  global_id: number; added_at: string; ingested_at: string; outlet: string | null; url: string | null; uri: string | null;
  evidence: string; doc_len: number;
}

/**
 * GDELT Mentions rows, one per report of a happening. The character offsets are those of the source actor,
 * target actor and trigger evidence in the article's cleaned text (GDELT's are into its own text too).
 */
export async function* gdeltMentions(db: Sql): AsyncGenerator<string[]> {
  for await (const r of streamObjects<MentionRow>(db, MENTIONS_SQL)) {
    const evidence = JSON.parse(r.evidence) as { start: number; role?: string }[];
    const offset = (role: string) => {
      const span = evidence.find((e) => e.role === role);
      return span ? String(span.start) : '';
    };
    yield [
      String(r.global_id), timestamp(r.added_at), timestamp(r.ingested_at), '1', r.outlet ?? '', r.url ?? r.uri ?? '',
      '', offset('source'), offset('target'), offset('trigger'), '1', '', String(r.doc_len), '', '', '',
    ];
  }
}

/** YYYYMMDDHHMMSS (UTC), GDELT's timestamp form. */
function timestamp(iso: string): string {
  return iso.slice(0, 19).replace(/\D/g, '');
}

export { queryQuotes, type QuoteQuery, type QuoteRow } from './quotes.ts';
export { queryEvents, type EventQuery, type EventRow } from './events.ts';
export { search, type SearchRow } from './search.ts';

// Everything the analysing commands need, behind one lazy import (see commands.ts).
export { analyzeAll } from '../ingest/analyze-input.ts';
export { countsLine, ingestFiles } from './ingest-files.ts';
export { checkActorFiles } from './actor-files.ts';

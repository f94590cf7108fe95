// V8 tuning for long analysis runs, set by the entry points (the CLI and the ingest workers) before the
// pipeline warms up. TurboFan inlining makes the pipeline's large rule functions (the verb matcher, the
// indirect-speech rules, event merging) cost 100–300 ms each to optimise, again after each deoptimisation
// and again in every worker isolate; on a 1,500-article ingest that compile work was a sixth of all CPU.
// Without inlining the steady-state cost per article is the same and the whole run takes 10–15% less CPU.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-turbo-inlining');

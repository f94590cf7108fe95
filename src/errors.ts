// One error type for bad input, so every entry point (CLI, batch ingest, later the API) can report
// "<input>: <problem>" on one line and choose its exit code or status without string matching.
export class InputError extends Error {
  readonly input: string;
  readonly problem: string;
  constructor(input: string, problem: string) {
    super(`${input}: ${problem}`);
    this.name = 'InputError';
    this.input = input;
    this.problem = problem;
  }
}

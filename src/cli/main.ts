import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { addCommands } from './commands.ts';
import { addQueueCommands } from './queue-commands.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('wirewatch')
  .description('Turn raw news articles into verifiable event data: who said what, who did what to whom, when.')
  .version(version)
  .exitOverride() // inherited by the commands below; lets us choose exit codes
  .showHelpAfterError('(run with --help for usage)');
addCommands(program);
addQueueCommands(program);

// `wirewatch ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof InputError) {
    process.stderr.write(`wirewatch: ${e.message}\n`);
    return 2;
  }
  process.stderr.write(`wirewatch: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.WIREWATCH_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return 1;
}

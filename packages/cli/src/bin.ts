#!/usr/bin/env node
// The `cartes-badges` executable: runs the CLI and exits with its code once output is flushed.
import { run } from './program';

// `cartes-badges dossiers | head` closes the pipe early: that is the reader's choice, not a
// failure, so stop quietly as Unix tools do instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void run(process.argv).then((code) => {
  process.exitCode = code;
});

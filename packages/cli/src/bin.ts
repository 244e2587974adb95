#!/usr/bin/env node
// The `cartes-badges` executable: runs the CLI and exits with its code once output is flushed.
import { run } from './program';

void run(process.argv).then((code) => {
  process.exitCode = code;
});

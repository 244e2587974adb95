// Runs several `cartes-badges` command lines in one process (one tsx start-up instead of one a
// line) and prints what each gave as JSON: [{ code, stdout, stderr }]. Used by
// cli-examples.test.ts, which cannot run the CLI inside jest (the CLI loads stores with import()).
import { run } from '../../packages/cli/src/program';

async function main(): Promise<void> {
  const lines = JSON.parse(process.argv[2] ?? '[]') as string[][];
  const realOut = process.stdout.write.bind(process.stdout);
  const realErr = process.stderr.write.bind(process.stderr);
  const results: { code: number; stdout: string; stderr: string }[] = [];
  for (const args of lines) {
    let stdout = '';
    let stderr = '';
    process.stdout.write = ((chunk: string | Uint8Array) => (
      (stdout += String(chunk)),
      true
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => (
      (stderr += String(chunk)),
      true
    )) as typeof process.stderr.write;
    process.exitCode = undefined;
    try {
      const code = await run(['node', 'cartes-badges', ...args]);
      results.push({ code, stdout, stderr });
    } finally {
      process.stdout.write = realOut;
      process.stderr.write = realErr;
      process.exitCode = undefined;
    }
  }
  realOut(JSON.stringify(results));
}

void main();

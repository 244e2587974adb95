// The mutation score of a scope of `pnpm mutation`, from the results its runs kept
// (scripts/mutation/incremental/<scope>/), per file and in all, as Stryker counts it: detected
// (killed or timed out) over valid mutants (detected, survived or not covered); mutants that did
// not compile are not counted. `--survivors` lists the surviving and uncovered mutants.
//   node scripts/mutation/score.mjs <scope> [--survivors]
import { existsSync, readFileSync } from 'node:fs';
import { incrementalFileOf, mutatedFiles } from './scopes.mjs';

const [scopeName, option] = process.argv.slice(2);
const files = mutatedFiles(scopeName);

const percent = (detected, valid) => (valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`);

function countsOf(mutants) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const undetected = count('Survived', 'NoCoverage');
  return { detected, undetected, valid: detected + undetected, timedOut: count('Timeout') };
}

const total = { detected: 0, valid: 0, timedOut: 0 };
const unmeasured = [];
const survivors = [];
for (const file of files) {
  const results = incrementalFileOf(scopeName, file);
  if (!existsSync(results)) {
    unmeasured.push(file);
    continue;
  }
  const mutants = JSON.parse(readFileSync(results, 'utf8')).files[file]?.mutants ?? [];
  const counts = countsOf(mutants);
  total.detected += counts.detected;
  total.valid += counts.valid;
  total.timedOut += counts.timedOut;
  console.log(`${file}: ${percent(counts.detected, counts.valid)} (${counts.detected}/${counts.valid})`);
  for (const m of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
    const { line, column } = m.location.start;
    survivors.push(`${file}:${line}:${column} ${m.status} ${m.mutatorName}: ${m.replacement ?? ''}`);
  }
}
console.log(
  `${scopeName}: ${percent(total.detected, total.valid)} (${total.detected} detected of ${total.valid}, ` +
    `${total.timedOut} by a timeout), ${files.length - unmeasured.length} of ${files.length} files measured`,
);
if (unmeasured.length > 0) console.log(`not measured yet: ${unmeasured.join(', ')}`);
if (option === '--survivors') for (const s of survivors) console.log(s);

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/rules.md lists every rule of the guide with the test that proves it: this checks that
// none is missing and that each named test exists, under that title, in that file.
const ROOT = join(__dirname, '..', '..');
const ROW = /^\| (R-\d\d) \| (.+?) \| `([^`]+)` · `([^`]+)` \|$/;
const RULE_IDS = Array.from({ length: 43 }, (_, i) => `R-${String(i + 1).padStart(2, '0')}`);

const rows = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| R-'))
  .map((line) => {
    const match = ROW.exec(line);
    if (match === null)
      throw new Error(`docs/rules.md: a row does not read | R-xx | words | \`file\` · \`test\` |: ${line}`);
    return { id: match[1], words: match[2], file: match[3], title: match[4] };
  });

// A test or describe title exactly as written in the source, in any of the three quotes.
const declaresTitle = (source: string, title: string): boolean =>
  ["'", '"', '`'].some((quote) =>
    new RegExp(
      `\\b(?:it|test|describe)(?:\\.each\\([\\s\\S]*?\\))?\\(\\s*${quote}${escape(title)}${quote}`,
    ).test(source),
  );
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('docs/rules.md', () => {
  it('lists R-01 to R-43, each once, in order', () => {
    expect(rows.map((row) => row.id)).toEqual(RULE_IDS);
  });

  it.each(rows.map((row) => [row.id, row] as const))(
    '%s names a test that exists and names the rule',
    (id, row) => {
      expect(existsSync(join(ROOT, row.file))).toBe(true);
      expect(row.title).toContain(id);
      expect(declaresTitle(readFileSync(join(ROOT, row.file), 'utf8'), row.title)).toBe(true);
    },
  );
});

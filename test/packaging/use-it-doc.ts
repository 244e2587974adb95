// The "Use it in your service" text (docs/use-it-in-your-service.md, and the root README once
// the section is pasted there) must show exactly the files the install test runs, and their output.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/workspace-packages';

export const USE_IT_DOC = join(REPO_ROOT, 'docs', 'use-it-in-your-service.md');
const SECTION_TITLE = '## Use it in your service';

/** Every place the section is written: the docs file, and the root README when it holds it. */
export function useItSections(): { readonly file: string; readonly text: string }[] {
  const sections: { file: string; text: string }[] = [];
  if (existsSync(USE_IT_DOC)) sections.push({ file: USE_IT_DOC, text: readFileSync(USE_IT_DOC, 'utf8') });
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(SECTION_TITLE);
  if (start !== -1) {
    const next = readme.indexOf('\n## ', start + SECTION_TITLE.length);
    sections.push({
      file: join(REPO_ROOT, 'README.md'),
      text: readme.slice(start, next === -1 ? undefined : next),
    });
  }
  return sections;
}

/** The fenced blocks of a markdown text with the given language. */
export function fencedBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map(
    (m) => m[1],
  );
}

/** The output the section promises (its ```text block). */
export function documentedOutput(): string {
  const [block] = fencedBlocks(readFileSync(USE_IT_DOC, 'utf8'), 'text');
  if (block === undefined) throw new Error(`${USE_IT_DOC} has no \`\`\`text block with the output`);
  return block;
}

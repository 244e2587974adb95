import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_DIR } from './consumer-project';
import { documentedOutput, fencedBlocks, useItSections } from './use-it-doc';

const service = readFileSync(join(EXAMPLE_DIR, 'src', 'service.ts'), 'utf8');
const tsconfig = readFileSync(join(EXAMPLE_DIR, 'tsconfig.json'), 'utf8');

describe.each(useItSections().map((s) => [s.file, s] as const))(
  '"Use it in your service" in %s',
  (_file, section) => {
    it('shows the example service exactly as the install test runs it', () => {
      expect(fencedBlocks(section.text, 'ts')).toContain(service);
    });

    it('shows the tsconfig.json the install test type-checks with', () => {
      expect(fencedBlocks(section.text, 'json')).toContain(tsconfig);
    });

    it('shows the commands and the output the install test checks', () => {
      expect(fencedBlocks(section.text, 'bash').join('')).toContain(
        'npx tsc --noEmit\nnpx tsc --noEmit false\nnode build/service.js\n',
      );
      expect(fencedBlocks(section.text, 'text')).toEqual([documentedOutput()]);
    });
  },
);

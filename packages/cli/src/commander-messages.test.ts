import { run } from './program';

// docs/cli.md: every error is one French line on stderr, `cartes-badges: ...`, exit 2 for usage.
async function stderrOf(args: string[]): Promise<{ code: number; lines: string[] }> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await run(['node', 'cartes-badges', ...args]);
    return {
      code,
      lines: written
        .join('')
        .split('\n')
        .filter((line) => line !== ''),
    };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

describe('command-line errors are one French line', () => {
  it.each([
    [
      ['dossiers', '--bogus'],
      "cartes-badges: option inconnue « --bogus » — cartes-badges dossiers --help pour l'aide",
    ],
    [
      ['dossiers', '--serch', 'x'],
      "cartes-badges: option inconnue « --serch » (vouliez-vous dire --search ?) — cartes-badges dossiers --help pour l'aide",
    ],
    [['nope'], "cartes-badges: commande inconnue « nope » — cartes-badges --help pour l'aide"],
    [
      ['show'],
      "cartes-badges: argument obligatoire manquant : <numéro|id> — cartes-badges show --help pour l'aide",
    ],
    [
      ['demo', '--dossiers'],
      "cartes-badges: l'option --dossiers <N> attend une valeur — cartes-badges demo --help pour l'aide",
    ],
    [['show', 'a', 'b'], "cartes-badges: trop d'arguments — cartes-badges show --help pour l'aide"],
  ])('%j', async (args, line) => {
    expect(await stderrOf(args)).toEqual({ code: 2, lines: [line] });
  });
});

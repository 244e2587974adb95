import * as path from 'node:path';
import { parseSqliteLocation } from './location';

describe('parseSqliteLocation', () => {
  it('reads a relative sqlite: URL as a file under the current directory', () => {
    expect(parseSqliteLocation({ url: 'sqlite:./data/events.db' })).toEqual({
      kind: 'file',
      file: path.resolve('data/events.db'),
    });
  });

  it('reads the authority forms sqlite:///absolute and sqlite://relative', () => {
    expect(parseSqliteLocation({ url: 'sqlite:///var/lib/cb/events.db' })).toEqual({
      kind: 'file',
      file: '/var/lib/cb/events.db',
    });
    expect(parseSqliteLocation({ url: 'sqlite://data/events.db' })).toEqual({
      kind: 'file',
      file: path.resolve('data/events.db'),
    });
  });

  it('reads :memory: as a path or a URL', () => {
    expect(parseSqliteLocation({ path: ':memory:' })).toEqual({ kind: 'memory' });
    expect(parseSqliteLocation({ url: 'sqlite::memory:' })).toEqual({ kind: 'memory' });
  });

  it('refuses a URL of another scheme, naming what was expected', () => {
    expect(() => parseSqliteLocation({ url: 'postgres://localhost/test' })).toThrow(
      /expected 'sqlite:<path>'/,
    );
  });

  it('refuses a missing, an empty or a doubled location', () => {
    expect(() => parseSqliteLocation({})).toThrow(/`path` or `url` is required/);
    expect(() => parseSqliteLocation({ path: '  ' })).toThrow(/path is empty/);
    expect(() => parseSqliteLocation({ path: 'a.db', url: 'sqlite:b.db' })).toThrow(/not both/);
  });
});

// Personal values are found and replaced by dot paths into an event's data: a path that does not
// lead to a value (a missing step, an array, a scalar on the way) finds nothing and changes nothing.
import { valueAt, withValueAt } from './personal-fields';

const data = { contact: { email: 'a@b.fr', phones: ['0102'] }, file: null, name: 'Ada' };

describe('valueAt', () => {
  it('finds the value at a dot path, null included', () => {
    expect(valueAt(data, 'contact.email')).toBe('a@b.fr');
    expect(valueAt(data, 'name')).toBe('Ada');
    expect(valueAt(data, 'file')).toBeNull();
    expect(valueAt(data, 'contact')).toEqual({ email: 'a@b.fr', phones: ['0102'] });
  });

  it('finds nothing through a missing step, null, a scalar or an array', () => {
    expect(valueAt(data, 'contact.fax')).toBeUndefined();
    expect(valueAt(data, 'file.name')).toBeUndefined();
    expect(valueAt(data, 'name.length')).toBeUndefined();
    expect(valueAt(data, 'contact.phones.0')).toBeUndefined();
    expect(valueAt(['x'], '0')).toBeUndefined();
  });

  it("finds only the data's own values, never what every object inherits (toString, constructor)", () => {
    expect(valueAt(data, 'toString')).toBeUndefined();
    expect(valueAt(data, 'contact.constructor')).toBeUndefined();
    expect(valueAt(data, '__proto__')).toBeUndefined();
  });
});

describe('withValueAt', () => {
  it('replaces the value at a dot path, copying only the objects along it', () => {
    const changed = withValueAt(data, 'contact.email', 'sealed') as typeof data;
    expect(changed).toEqual({ contact: { email: 'sealed', phones: ['0102'] }, file: null, name: 'Ada' });
    expect(data.contact.email).toBe('a@b.fr');
    expect(changed.contact.phones).toBe(data.contact.phones);
    expect(withValueAt(data, 'file', 'sealed')).toMatchObject({ file: 'sealed' });
  });

  it('follows a path of three steps and more', () => {
    const deep = { a: { b: { c: 'clear', d: 1 } } };
    expect(valueAt(deep, 'a.b.c')).toBe('clear');
    expect(withValueAt(deep, 'a.b.c', 'sealed')).toEqual({ a: { b: { c: 'sealed', d: 1 } } });
  });

  it('gives the same data back when the path leads to no value', () => {
    for (const path of ['contact.fax', 'fax.number', 'file.name', 'name.length', 'contact.phones.0'])
      expect(withValueAt(data, path, 'sealed')).toEqual(data);
    expect(withValueAt(data, 'fax', 'sealed')).toBe(data);
    const list = ['x'];
    expect(withValueAt(list, '0', 'sealed')).toBe(list);
  });

  it('adds nothing for a path to what every object inherits (toString, constructor)', () => {
    for (const path of ['toString', 'contact.constructor', 'hasOwnProperty'])
      expect(withValueAt(data, path, 'sealed')).toEqual(data);
  });
});

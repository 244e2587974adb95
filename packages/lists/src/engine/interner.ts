/** Gives each distinct string a small integer, so that a row holds repeated text as a number. */
export class Interner {
  private readonly ids = new Map<string, number>();
  /** The strings by id. */
  readonly values: string[] = [];

  /** The id of a string, given one if it has none yet. */
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of a string already seen, or -1. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  clear(): void {
    this.ids.clear();
    this.values.length = 0;
  }
}

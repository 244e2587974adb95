// Server-side HTML without a template engine: a tagged template that escapes every value it is
// given unless that value is already HTML (built by `html` itself), so that a company name or a
// comment typed by a user can never become markup on another user's screen.

/** Markup already escaped: only `html` and `raw` make one. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** `html\`<p>${name}</p>\``: values escaped, nested `html` kept, lists joined, null/false dropped. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Markup from a trusted source (a page the library rendered itself, such as the timeline). */
export function raw(text: string): Html {
  return new Html(text);
}

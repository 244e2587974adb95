import { escapeHtml, html, raw } from './html';

// What a user types (a comment, a company name, a file name) is shown on other users' pages:
// it must never become markup there.
// `html` under another name: prettier would re-indent the markup of an `html` template.
const t = html;

describe('the portal’s templates', () => {
  it('escape every value typed by a user: tags, attributes and entities stay text', () => {
    const comment = `<script>alert("x")</script>' onmouseover='y' &amp;`;
    const page = t`<p title="${comment}">${comment}</p>`.text;
    expect(page).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y&#39; &amp;amp;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y&#39; &amp;amp;</p>',
    );
    expect(page).not.toContain('<script>');
  });

  it('keep nested templates as markup, join lists and drop null, undefined and false', () => {
    const items = ['a<b', 'c'].map((x) => t`<li>${x}</li>`);
    expect(t`<ul>${items}</ul>${null}${undefined}${false}${0}`.text).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>0',
    );
  });

  it('take as markup only what raw() was given on purpose', () => {
    expect(t`${raw('<b>ok</b>')}${'<b>no</b>'}`.text).toBe('<b>ok</b>&lt;b&gt;no&lt;/b&gt;');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

/**
 * A very small HTML builder: every text and attribute value is escaped, markup
 * only comes from `h()` calls or from `raw()` of trusted, serialized content
 * (the figure's SVG). Enough for one report page, no template engine needed.
 */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = string | number | Html | null | undefined | false | Child[];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'col', 'wbr']);
const NAME = /^[a-z][a-z0-9-]*$/;

function render(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (Array.isArray(child)) return child.map(render).join('');
  if (child instanceof Html) return child.html;
  return escapeHtml(String(child));
}

export function h(tag: string, attrs: Record<string, string | number | boolean | undefined> | null, ...children: Child[]): Html {
  if (!NAME.test(tag)) throw new Error(`Bad tag name ${tag}`);
  let open = `<${tag}`;
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === false) continue;
    if (!NAME.test(k)) throw new Error(`Bad attribute name ${k}`);
    open += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  open += '>';
  if (VOID.has(tag)) return new Html(open);
  return new Html(`${open}${render(children)}</${tag}>`);
}

/** Trusted markup (already serialized by a library), inserted as is. */
export function raw(markup: string): Html {
  return new Html(markup);
}

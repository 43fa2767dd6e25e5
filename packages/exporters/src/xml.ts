import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

/**
 * XML writing for GraphML, GEXF and the report's SVG, through @xmldom/xmldom's
 * spec-following DOM serializer: it escapes `&`, `<`, `>` and quotes always
 * (also in text that already looks like an entity, such as "&amp;", which some
 * builders pass through), and line breaks and tabs in attribute values as
 * character references, so a quote survives a round trip whatever it holds.
 *
 * Large documents stream: the frame (declaration, root, declarations) is one
 * serialized document split at a placeholder, and each node or edge is built
 * and serialized on its own, then dropped.
 */

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters being matched
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes a string representable in XML 1.0: characters XML cannot carry become
 * U+FFFD, and CR/CRLF become LF (an XML parser normalises line ends in text
 * anyway, so writing LF keeps what the reader sees predictable).
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/\r\n?/g, '\n');
}

/** Attribute values keep CR (serialized as &#13;), only impossible characters are replaced. */
export function xmlAttr(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}

const serializer = new XMLSerializer();

export class XmlWriter {
  readonly doc: Document;

  constructor(namespace: string, rootName: string) {
    this.doc = new DOMImplementation().createDocument(namespace, rootName, null);
  }

  get root(): Element {
    return this.doc.documentElement!;
  }

  /**
   * An element in the root's namespace, for the frame. Attribute values are
   * sanitised; `undefined` attributes are left out.
   */
  frameEl(parent: Element, name: string, attrs: Record<string, string | number | undefined> = {}, text?: string): Element {
    const el = this.doc.createElementNS(this.root.namespaceURI, name);
    this.fill(el, attrs, text);
    // Indentation for people reading the file (whitespace between elements is ignorable).
    let depth = 0;
    for (let p: Element | null = parent; p && p !== this.root; p = p.parentNode as Element | null) depth++;
    parent.appendChild(this.doc.createTextNode('\n' + '  '.repeat(depth + 1)));
    parent.appendChild(el);
    return el;
  }

  /**
   * A body element (node, edge): created without a namespace so that, serialized
   * alone, it carries no namespace declaration and inherits the root's default
   * namespace where it is written. Prefixed names (viz:color) rely on the prefix
   * being declared on the root.
   */
  el(name: string, attrs: Record<string, string | number | undefined> = {}, text?: string): Element {
    const el = this.doc.createElement(name);
    this.fill(el, attrs, text);
    return el;
  }

  child(parent: Element, name: string, attrs: Record<string, string | number | undefined> = {}, text?: string): Element {
    const el = this.el(name, attrs, text);
    parent.appendChild(el);
    return el;
  }

  private fill(el: Element, attrs: Record<string, string | number | undefined>, text?: string) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== undefined) el.setAttribute(k, xmlAttr(String(v)));
    }
    if (text !== undefined) el.appendChild(this.doc.createTextNode(xmlText(text)));
  }

  serialize(el: Element): string {
    return serializer.serializeToString(el, { requireWellFormed: true });
  }

  /**
   * The document cut at the start of each container's body: for n containers,
   * n + 1 parts, with the bodies streamed between them.
   */
  frame(...containers: Element[]): string[] {
    const markers = containers.map((c, i) => {
      const marker = `steppe-stream-body-${i}`;
      c.appendChild(this.doc.createComment(marker));
      return `<!--${marker}-->`;
    });
    let text = '<?xml version="1.0" encoding="UTF-8"?>\n' + serializer.serializeToString(this.doc, { requireWellFormed: true });
    const parts: string[] = [];
    for (const marker of markers) {
      const at = text.indexOf(marker);
      if (at < 0) throw new Error('XML frame without its placeholder');
      parts.push(text.slice(0, at) + '\n');
      text = text.slice(at + marker.length);
    }
    parts.push(text + '\n');
    return parts;
  }
}

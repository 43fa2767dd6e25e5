import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * An independent XML reader for the tests (fast-xml-parser: neither the
 * writer's library nor the importer's), keeping document order so that
 * "declared before use" can be checked.
 */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export function parseXml(text: string): XNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
  });
  const tree = parser.parse(text) as Record<string, unknown>[];
  const convert = (item: Record<string, unknown>): XNode | undefined => {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#comment') return undefined;
    const attrs = (item[':@'] as Record<string, string> | undefined) ?? {};
    const kids = (item[name] as Record<string, unknown>[]) ?? [];
    const children = kids.map(convert).filter((x): x is XNode => x !== undefined);
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    return { name, attrs, children, text };
  };
  const roots = tree.map(convert).filter((x): x is XNode => x !== undefined);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

export const kids = (n: XNode, name: string) => n.children.filter((c) => c.name === name);

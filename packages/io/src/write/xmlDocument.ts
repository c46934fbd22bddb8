import { XMLBuilder } from 'fast-xml-parser';

/** An XML element for fast-xml-parser's builder: attributes as `@_name`, text as `#text`, children by tag. */
export type XmlNode = { [key: string]: string | number | XmlNode | XmlNode[] };

/** The XML text of `root` with its declaration, indented, text and attributes escaped by fast-xml-parser. */
export function xmlDocument(root: XmlNode): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root }) as string;
}

/**
 * Parses REFI-QDA XML (`.qde`, `.qdc`) safely. A DOCTYPE with an internal subset (`[ … ]`, where
 * entities are declared) is refused outright, whatever its literals hold (billion-laughs
 * expansion, external entities reading local files): REFI-QDA files never need one. The
 * parser's own limits on expanding declared entities are kept as a second wall; fast-xml-parser
 * never fetches external entities, and only the five XML entities and character references are
 * decoded. Namespace prefixes are dropped, so `urn:QDA-XML:project:1.0` and older namespaces
 * read the same.
 */
import { XMLParser } from 'fast-xml-parser';
import { LeximapError } from '@leximap/core';

/** A parsed element: attributes under `@_name`, children by tag name (always arrays), text under `#text`. */
export interface XmlElement {
  [key: string]: string | XmlElement[] | undefined;
}

/**
 * Whether `text` has a `<!DOCTYPE …>` with an internal subset, or declares an entity anywhere
 * before its first element. Quoted literals of the DOCTYPE are skipped as the XML grammar reads
 * them, so a `<`, `>` or `[` inside `SYSTEM "…"` neither hides nor fakes a subset.
 */
export function declaresEntities(text: string): boolean {
  const firstElement = text.search(/<[A-Za-z_]/);
  const prolog = firstElement < 0 ? text : text.slice(0, firstElement);
  if (/<!ENTITY/i.test(prolog)) return true;
  const doctype = /<!DOCTYPE/i.exec(text);
  if (!doctype) return false;
  for (let i = doctype.index + 9; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return true;
      i = close;
    } else if (c === '[') {
      return true;
    } else if (c === '>') {
      return false;
    }
  }
  return true;
}

/**
 * Parses `text` into {@link XmlElement}s. With `preserveOrder` (for rewriting a project) the
 * result is fast-xml-parser's ordered node list and namespace prefixes are kept.
 */
export function parseQdaXml(text: string, file: string, preserveOrder = false): XmlElement {
  if (declaresEntities(text)) {
    throw new LeximapError('E_UNSAFE_INPUT', 'has a DOCTYPE with an internal subset (where XML entities are declared: entity expansion or external entities); REFI-QDA files never need one', { file });
  }
  // The typings lag the runtime options (`appliesTo`, an object for `htmlEntities`).
  const options: Record<string, unknown> = {
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: !preserveOrder,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Numeric character references are decoded only when `htmlEntities` is set; the object
    // limits named entities to the five XML ones. The parser's limits on declared entities
    // (`maxExpandedLength`, `maxEntityCount`) stay at their defaults; they never count `&amp;`.
    processEntities: { enabled: true, appliesTo: 'external' },
    htmlEntities: { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' },
    ignoreDeclaration: !preserveOrder,
    ignorePiTags: !preserveOrder,
    preserveOrder,
    isArray: (_name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
    maxNestedTags: 1000,
  };
  const parser = new XMLParser(options as ConstructorParameters<typeof XMLParser>[0]);
  try {
    return parser.parse(text, true) as XmlElement;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new LeximapError('E_BAD_QDPX', `is not well-formed XML (${detail})`, { file, cause });
  }
}

/** The child elements of `element` named `tag`. */
export function children(element: XmlElement | undefined, tag: string): XmlElement[] {
  const value = element?.[tag];
  return Array.isArray(value) ? value : [];
}

/** The attribute `name` of `element`, or undefined. */
export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text content of an element (its `#text`, concatenated). */
export function textOf(element: XmlElement | string | undefined): string {
  if (element === undefined) return '';
  // A text-only element is parsed as its string.
  if (typeof element === 'string') return element;
  const value = element['#text'];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((part) => String(part)).join('');
  return '';
}

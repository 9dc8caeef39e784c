/**
 * Namespace-aware DOM helpers over @xmldom/xmldom, for XML read as hostile input (metadata, SAML
 * responses): lookups go by namespace URI and local name, never by prefix.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/**
 * Well-formed XML or an Error: xmldom otherwise recovers from mistakes, and a recovered document
 * is not necessarily the one its author (or a verifier) saw.
 */
export function parseXmlStrict(xml: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new Error('no root element');
  return doc;
}

export const ELEMENT_NODE = 1;

export function childElements(parent: Element | Document, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.namespaceURI === ns && element.localName === localName) found.push(element);
  }
  return found;
}

export function firstChild(parent: Element, ns: string, localName: string): Element | undefined {
  return childElements(parent, ns, localName)[0];
}

export function is(element: Element, ns: string, localName: string): boolean {
  return element.namespaceURI === ns && element.localName === localName;
}

package org.chorusfeed.syndication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an XML feed document through an {@link XMLStreamWriter}, which escapes; every string passes
 * {@link FeedText#clean} first, so no character XML 1.0 forbids is ever written.
 */
final class XmlOut {
    private final XMLStreamWriter xml;

    private XmlOut(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** What writes a document's root element and everything inside it. */
    @FunctionalInterface
    interface Body {
        /** Writes the root element. */
        void writeTo(XmlOut out) throws XMLStreamException;
    }

    /** A UTF-8 document with the given body; {@code kind} names it in errors. */
    static byte[] document(String kind, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            // The JDK's own writer, whatever else is on the class path: its escaping is the one tested here.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            body.writeTo(new XmlOut(xml));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the " + kind + " feed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Opens an element in the default namespace. */
    XmlOut start(String name) throws XMLStreamException {
        xml.writeStartElement(name);
        return this;
    }

    /** Opens an element in a namespace bound to {@code prefix}. */
    XmlOut start(String prefix, String name, String namespace) throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        return this;
    }

    /** Declares the default namespace on the element just opened. */
    XmlOut defaultNamespace(String namespace) throws XMLStreamException {
        xml.writeDefaultNamespace(namespace);
        return this;
    }

    /** Binds a prefix on the element just opened. */
    XmlOut namespace(String prefix, String namespace) throws XMLStreamException {
        xml.writeNamespace(prefix, namespace);
        return this;
    }

    /** Adds an attribute to the element just opened. */
    XmlOut attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, FeedText.clean(value));
        return this;
    }

    /** Adds {@code xml:lang} to the element just opened. */
    XmlOut language(String tag) throws XMLStreamException {
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", FeedText.clean(tag));
        return this;
    }

    /** Writes text into the open element. */
    XmlOut text(String text) throws XMLStreamException {
        xml.writeCharacters(FeedText.clean(text));
        return this;
    }

    /** Closes the innermost open element. */
    XmlOut end() throws XMLStreamException {
        xml.writeEndElement();
        return this;
    }

    /** Writes an element holding only text. */
    XmlOut element(String name, String text) throws XMLStreamException {
        return start(name).text(text).end();
    }
}

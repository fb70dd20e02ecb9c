package ws2.market.index;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Reads an OSGi Repository index ({@code repository} element of namespace
 * {@value #NAMESPACE}) with the JDK's StAX parser into {@link IndexResource}s.
 *
 * <p>Only {@code resource} elements are read; {@code referral}s and unknown elements are skipped.
 * DTDs and external entities are refused. Each attribute is typed as {@link AttributeType} says;
 * relative {@code osgi.content} URLs are resolved against the index URL.
 */
public final class IndexParser {
    /** The XML namespace of repository indexes. */
    public static final String NAMESPACE = "http://www.osgi.org/xmlns/repository/v1.0.0";

    private final XMLInputFactory factory;

    /** Creates a parser. */
    public IndexParser() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /**
     * Parses an index.
     *
     * @param in the XML, not compressed; not closed
     * @param url the URL it was read from, for relative content URLs and messages
     * @return the index
     * @throws WsaException {@code WSAEINVAL} naming the URL, the line and what is wrong, for XML
     *         that does not parse or is not a valid index
     */
    public RepositoryIndex parse(InputStream in, String url) throws WsaException {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            xml.nextTag();
            if (!"repository".equals(xml.getLocalName()) || !NAMESPACE.equals(xml.getNamespaceURI())) {
                throw new IllegalArgumentException("the root element is {" + xml.getNamespaceURI() + "}"
                        + xml.getLocalName() + ", not a " + NAMESPACE + " repository");
            }
            String name = value(xml, "name", "");
            List<IndexResource> resources = new ArrayList<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("resource".equals(xml.getLocalName())) {
                    resources.add(resource(xml, url));
                } else {
                    skip(xml);
                }
            }
            return new RepositoryIndex(url, name, resources);
        } catch (XMLStreamException | IllegalArgumentException e) {
            String line = xml == null || xml.getLocation() == null ? "" : "line " + xml.getLocation().getLineNumber() + ": ";
            throw new WsaException(WsaError.WSAEINVAL, "the index at " + url + " is malformed: " + line + e.getMessage(), e);
        } finally {
            close(xml);
        }
    }

    private static IndexResource resource(XMLStreamReader xml, String url) throws XMLStreamException {
        List<ClauseData> capabilities = new ArrayList<>();
        List<ClauseData> requirements = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "capability" -> capabilities.add(clause(xml, url));
                case "requirement" -> requirements.add(clause(xml, url));
                default -> skip(xml);
            }
        }
        return new IndexResource(url, capabilities, requirements);
    }

    private static ClauseData clause(XMLStreamReader xml, String url) throws XMLStreamException {
        String namespace = value(xml, "namespace", null);
        Map<String, String> directives = new HashMap<>();
        Map<String, Object> attributes = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String element = xml.getLocalName();
            if ("attribute".equals(element) || "directive".equals(element)) {
                String name = value(xml, "name", null);
                String value = value(xml, "value", null);
                if ("directive".equals(element)) {
                    directives.put(name, value);
                } else {
                    attributes.put(name, AttributeType.parse(xml.getAttributeValue(null, "type"), value));
                }
            }
            skip(xml);
        }
        if (IndexResource.CONTENT_NAMESPACE.equals(namespace) && attributes.get(IndexResource.CONTENT_URL) != null) {
            attributes.put(IndexResource.CONTENT_URL, absolute(url, attributes.get(IndexResource.CONTENT_URL).toString()));
        }
        return new ClauseData(namespace, directives, attributes);
    }

    private static String absolute(String base, String url) {
        return URI.create(base).resolve(URI.create(url)).toString();
    }

    private static String value(XMLStreamReader xml, String attribute, String orElse) {
        String v = xml.getAttributeValue(XMLConstants.NULL_NS_URI, attribute);
        if (v == null && orElse == null) {
            throw new IllegalArgumentException("<" + xml.getLocalName() + "> has no " + attribute);
        }
        return v == null ? orElse : v;
    }

    /** Skips to the end of the current element, whatever it contains. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing was held open beyond the caller's stream, which the caller closes
            }
        }
    }
}

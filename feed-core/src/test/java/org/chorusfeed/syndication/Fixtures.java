package org.chorusfeed.syndication;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.text.Segment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Members, posts and feeds built straight from the record constructors, and a hardened XML parser. */
final class Fixtures {
    static final URI SITE = URI.create("https://hub.example/network/");
    static final Instant NOON = Instant.parse("2026-11-30T12:00:00.250Z");
    static final Organisation BALTIC_LAB = Organisation.of("baltic-lab", "Baltic Lab");
    static final Member ADA = member(1, "ada", "Ada Example", Optional.of("baltic-lab"));
    static final Member BOB = member(2, "bob", "Bob O'Neil <Ops>", Optional.empty());

    private Fixtures() {
    }

    static Member member(long id, String handle, String name, Optional<String> organisation) {
        return new Member(new MemberId(id), handle, name, organisation, "", List.of(), Optional.empty(), Role.MEMBER,
                MemberStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"));
    }

    static FeedInfo feed() {
        return new FeedInfo("Baltic Network", URI.create("https://hub.example/chorus/feed.atom"), SITE,
                Optional.of("Everyone's work, in the order it happened"), NOON, "en");
    }

    /** A native post by the member at the given time, its text the segments' texts. */
    static Post post(Member author, Instant at, Segment... segments) {
        String text = Arrays.stream(segments).map(Segment::text).collect(Collectors.joining());
        return new Post(PostId.of(at, 0), author.id(), text, List.of(segments), Optional.empty(),
                PostSource.nativePost(), Optional.empty(), 0);
    }

    /** A native post that is all plain text. */
    static Post textPost(Member author, Instant at, String text) {
        return post(author, at, new Segment.Text(text));
    }

    /**
     * A post whose text is cut roughly as the hub would cut it: anything from {@code http://} or
     * {@code https://} up to white space is a link to itself, so hostile "links" reach the renderer too.
     */
    static Post linkedPost(Member author, Instant at, String text) {
        Matcher links = Pattern.compile("(?i)https?://\\S+").matcher(text);
        List<Segment> segments = new ArrayList<>();
        int at0 = 0;
        while (links.find()) {
            if (links.start() > at0) {
                segments.add(new Segment.Text(text.substring(at0, links.start())));
            }
            segments.add(new Segment.Link(links.group(), links.group()));
            at0 = links.end();
        }
        if (at0 < text.length()) {
            segments.add(new Segment.Text(text.substring(at0)));
        }
        return post(author, at, segments.toArray(Segment[]::new));
    }

    static Post edited(Post post, Instant at) {
        return new Post(post.id(), post.author(), post.text(), post.segments(), post.inReplyTo(), post.source(),
                Optional.of(at), post.appreciations());
    }

    static Post imported(Post post, URI url, String title) {
        return new Post(post.id(), post.author(), post.text(), post.segments(), post.inReplyTo(),
                new PostSource.Blog(url, title), post.editedAt(), post.appreciations());
    }

    /** The entry of a post by Ada (with her organisation) or by anyone else (without). */
    static FeedEntry entry(Post post) {
        Member author = post.author().equals(ADA.id()) ? ADA : BOB;
        Optional<Organisation> organisation = author == ADA ? Optional.of(BALTIC_LAB) : Optional.empty();
        return new FeedEntry(post, author, organisation, link(post));
    }

    static URI link(Post post) {
        return URI.create(SITE + "?post=" + post.id());
    }

    /** What a post's text must read as in every format: without the characters XML forbids, LF line breaks. */
    static String expectedText(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")
                .replaceAll("\\p{Cs}", "");
    }

    /** Parses XML with DTDs, external entities and XInclude switched off, namespace-aware. */
    static Document parseXml(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("the feed does not parse as XML: " + e.getMessage(), e);
        }
    }

    /** The child elements of {@code parent} with this namespace ({@code ""} for none) and local name. */
    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(Objects.requireNonNullElse(element.getNamespaceURI(), ""))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The one child element with this namespace and local name. */
    static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + parent.getLocalName() + ">, found "
                    + found.size());
        }
        return found.get(0);
    }

    /** The text of the one child element with this namespace and local name. */
    static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent();
    }
}

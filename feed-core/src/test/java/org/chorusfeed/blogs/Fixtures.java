package org.chorusfeed.blogs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/** The feeds written for these tests, under {@code src/test/resources/org/chorusfeed/blogs}. */
final class Fixtures {
    private Fixtures() {
    }

    /** The bytes of the fixture {@code name}. */
    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed fixture. */
    static ParsedFeed parse(String name, String contentType, String url) throws FeedFormatException {
        return BlogFeeds.defaults().parse(bytes(name), contentType, URI.create(url));
    }
}

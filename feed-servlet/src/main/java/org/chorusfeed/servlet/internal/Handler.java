package org.chorusfeed.servlet.internal;

import java.io.IOException;

/** Answers one route. */
@FunctionalInterface
public interface Handler {
    /** Answers the request; throws {@link ProblemException} (or a facade exception) to answer with a problem. */
    void handle(Exchange exchange) throws IOException;
}

/**
 * Chorus feed-servlet: one Jakarta Servlet that puts a {@link org.chorusfeed.Chorus} on HTTP.
 * Start with {@link org.chorusfeed.servlet.ChorusServlet}.
 */
module org.chorusfeed.servlet {
    requires transitive org.chorusfeed.core;
    requires transitive jakarta.servlet;
    requires static transitive org.jspecify;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires org.slf4j;

    exports org.chorusfeed.servlet;
}

/**
 * Chorus feed-core: members, organisations and brief posts merged into one strictly chronological timeline.
 * Start with {@link org.chorusfeed.Chorus#builder()}.
 */
module org.chorusfeed.core {
    requires java.sql;
    requires java.net.http;
    requires java.xml;
    requires static transitive org.jspecify;
    requires org.slf4j;
    requires org.jsoup;
    requires org.xerial.sqlitejdbc;
    requires tools.jackson.databind;

    exports org.chorusfeed;
    exports org.chorusfeed.member;
    exports org.chorusfeed.post;
    exports org.chorusfeed.text;
    exports org.chorusfeed.timeline;
    exports org.chorusfeed.changes;
    exports org.chorusfeed.store;
    exports org.chorusfeed.access;
    exports org.chorusfeed.syndication;
    exports org.chorusfeed.outside;
    exports org.chorusfeed.blogs;
    // data rights
    exports org.chorusfeed.export;
    // moderation (issue 7)
    exports org.chorusfeed.moderation;
    exports org.chorusfeed.joining; // members helper
}

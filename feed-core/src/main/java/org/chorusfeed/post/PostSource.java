package org.chorusfeed.post;

import java.net.URI;

/** Where a post came from: written here, or imported from its author's blog. */
public sealed interface PostSource permits PostSource.Native, PostSource.Blog {
    /** The kind, for filtering. */
    SourceKind kind();

    /** Written in Chorus. */
    static PostSource nativePost() {
        return Native.INSTANCE;
    }

    /** A post written in Chorus. */
    enum Native implements PostSource {
        /** The only value. */
        INSTANCE;

        @Override
        public SourceKind kind() {
            return SourceKind.NATIVE;
        }
    }

    /**
     * An entry of the author's own blog.
     *
     * @param url   the entry's own address, where readers go to read it
     * @param title the entry's title
     */
    record Blog(URI url, String title) implements PostSource {
        /** Checks the URL. */
        public Blog {
            org.chorusfeed.member.Names.requireWebUrl("blog entry URL", url);
        }

        @Override
        public SourceKind kind() {
            return SourceKind.BLOG;
        }
    }
}

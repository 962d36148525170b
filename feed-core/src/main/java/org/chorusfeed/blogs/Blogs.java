package org.chorusfeed.blogs;

import java.util.Optional;
import org.chorusfeed.member.MemberId;

/**
 * Members' blogs in the timeline: each member's blog feed is polled and its new entries become posts of that
 * member, dated by the entries (DESIGN rules 2 and 3). A member sets the feed (or the blog's page, whose
 * {@code <link rel="alternate">} names the feed) with {@code ProfileUpdate.blogFeedUrl}; it is first read within
 * a minute.
 *
 * <pre>{@code
 * chorus.members().updateProfile(ada.id(), ProfileUpdate.none().blogFeedUrl(URI.create("https://ada.example/")));
 * chorus.blogs().status(ada.id()).ifPresent(status -> System.out.println(status.lastError()));
 * }</pre>
 *
 * <p>Polling runs on threads Chorus owns and stops on {@code close()}; {@code Chorus.builder().blogPolling(false)}
 * switches it off, and {@link #pollDue()} then polls on the caller's thread.
 */
public interface Blogs {

    /** How importing the member's blog goes; empty when the member has set no blog feed URL. */
    Optional<BlogStatus> status(MemberId member);

    /**
     * Polls every feed that is due now (a feed just set is due at once), and returns when those polls are done.
     * A feed that fails records its error and does not stop the others.
     *
     * @return how many feeds were polled
     */
    int pollDue();
}

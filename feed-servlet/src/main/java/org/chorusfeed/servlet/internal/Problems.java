package org.chorusfeed.servlet.internal;

import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.blogs.BlogFeedUrlException;
import org.chorusfeed.moderation.AlreadyReportedException;
import org.chorusfeed.moderation.NoSuchReportException;
import org.chorusfeed.moderation.ReportDecidedException;
import org.chorusfeed.text.TextRuleException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the facade throws into problems. Only domain exceptions and {@link IllegalArgumentException}s,
 * whose messages are written for the caller, reach the response; anything else becomes a 500 whose detail says
 * nothing about the inside (no stack traces, no SQL).
 */
public final class Problems {
    private Problems() {
    }

    /** The problem to answer for this exception; {@code null} for one that is the server's own fault. */
    public static @Nullable ProblemException of(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        // joining (members helper)
        ProblemException joining = JoiningProblems.of(failure);
        if (joining != null) {
            return joining;
        }
        if (failure instanceof TextRuleException text) {
            return textProblem(text);
        }
        if (failure instanceof NoSuchPostException e) {
            return new ProblemException(ProblemType.POST_NOT_FOUND, e.getMessage()).with("id", e.postId().toString());
        }
        if (failure instanceof NoSuchMemberException e) {
            return new ProblemException(ProblemType.MEMBER_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof NoSuchOrganisationException e) {
            return new ProblemException(ProblemType.ORGANISATION_NOT_FOUND, e.getMessage()).with("slug", e.slug());
        }
        if (failure instanceof NotPermittedException e) {
            return new ProblemException(ProblemType.NOT_PERMITTED, e.getMessage())
                    .with("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (failure instanceof HandleTakenException e) {
            ProblemException problem = new ProblemException(ProblemType.HANDLE_TAKEN, e.getMessage())
                    .with("handle", e.handle());
            // data rights: a handle erased recently says when it frees
            e.freeFrom().ifPresent(freeFrom -> problem.with("freeFrom", Representations.time(freeFrom)));
            return problem;
        }
        // members' blogs
        if (failure instanceof BlogFeedUrlException e) {
            return new ProblemException(ProblemType.BLOG_FEED_URL_REFUSED, e.getMessage()).with("field", "blogFeedUrl")
                    .with("reason", e.reason());
        }
        // moderation (issue 7)
        if (failure instanceof NoSuchReportException e) {
            return new ProblemException(ProblemType.REPORT_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof AlreadyReportedException e) {
            return new ProblemException(ProblemType.ALREADY_REPORTED, e.getMessage())
                    .with("report", Long.toString(e.reportId()));
        }
        if (failure instanceof ReportDecidedException e) {
            return new ProblemException(ProblemType.REPORT_DECIDED, e.getMessage());
        }
        if (failure instanceof IllegalArgumentException e && e.getMessage() != null) {
            return new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
        return null;
    }

    /** The problem for a request that needs a member and names none. */
    public static ProblemException unauthenticated() {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "this needs a signed-in member; sign in on the "
                + "hub's site, or send a personal access token in Authorization: Bearer");
    }

    /** The problem for a server fault: a fixed detail, nothing from the exception. */
    public static ProblemException internal() {
        return new ProblemException(ProblemType.INTERNAL_ERROR,
                "the server failed to answer this request; try again, and tell the hub's admins if it keeps failing");
    }

    private static ProblemException textProblem(TextRuleException e) {
        ProblemType type = switch (e.reason()) {
            case EMPTY -> ProblemType.TEXT_EMPTY;
            case TOO_LONG -> ProblemType.TEXT_TOO_LONG;
            case CONTROL_CHARACTER -> ProblemType.TEXT_CONTROL_CHARACTER;
            case BIDI_CONTROL -> ProblemType.TEXT_BIDI_CONTROL;
            case TOO_MANY_BLANK_LINES -> ProblemType.TEXT_TOO_MANY_BLANK_LINES;
        };
        ProblemException problem = new ProblemException(type, e.getMessage() == null ? type.title() : e.getMessage());
        if (e.length() >= 0) {
            problem.with("length", e.length());
        }
        if (e.limit() >= 0) {
            problem.with("limit", e.limit());
        }
        return problem;
    }
}

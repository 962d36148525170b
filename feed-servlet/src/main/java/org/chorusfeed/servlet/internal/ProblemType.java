package org.chorusfeed.servlet.internal;

import java.util.Locale;

/**
 * Every kind of error the servlet answers with, each with a stable {@code type} URI (RFC 9457), a title and the
 * HTTP status. The URIs are part of the API: clients branch on them, so they never change.
 */
public enum ProblemType {
    /** No route at this path. */
    ROUTE_NOT_FOUND(404, "No such resource"),
    /** No post with this id. */
    POST_NOT_FOUND(404, "No such post"),
    /** No member with this handle. */
    MEMBER_NOT_FOUND(404, "No such member"),
    /** No organisation with this slug. */
    ORGANISATION_NOT_FOUND(404, "No such organisation"),
    /** No access token with this id for this member. */
    TOKEN_NOT_FOUND(404, "No such access token"),
    // link previews
    /** No preview image with this key. */
    PREVIEW_IMAGE_NOT_FOUND(404, "No such preview image"),
    /** The route exists but not with this method. */
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** A value in the request breaks a rule (a handle, a URL, a cursor, a label). */
    INVALID_REQUEST(400, "Invalid request"),
    /** A query parameter is malformed or out of range. */
    INVALID_PARAMETER(400, "Invalid query parameter"),
    /** The body is not well-formed JSON, or a field has the wrong JSON type. */
    INVALID_JSON(400, "Invalid JSON"),
    /** The body has a field this route does not know. */
    UNKNOWN_FIELD(400, "Unknown field"),
    /** The body nests JSON deeper than allowed. */
    JSON_TOO_DEEP(400, "JSON nested too deeply"),
    /** The body is not valid UTF-8. */
    INVALID_UTF8(400, "Invalid UTF-8"),
    /** The body is larger than allowed. */
    BODY_TOO_LARGE(413, "Request body too large"),
    /** The body is not JSON. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    /** Post text is empty. */
    TEXT_EMPTY(422, "Post text is empty"),
    /** Post text is longer than the hub allows. */
    TEXT_TOO_LONG(422, "Post text is too long"),
    /** Post text has a control character. */
    TEXT_CONTROL_CHARACTER(422, "Post text has a control character"),
    /** Post text has a bidirectional control character. */
    TEXT_BIDI_CONTROL(422, "Post text has a bidirectional control character"),
    /** Post text has too many blank lines in a row. */
    TEXT_TOO_MANY_BLANK_LINES(422, "Post text has too many blank lines"),
    /** The route needs a member and the request names none. */
    UNAUTHENTICATED(401, "Sign in required"),
    /** The bearer token is unknown, malformed or revoked. */
    INVALID_TOKEN(401, "Invalid access token"),
    /** The member may not do this. */
    NOT_PERMITTED(403, "Not permitted"),
    /** A cookie-authenticated write lacks the CSRF token of its session. */
    CSRF_TOKEN_INVALID(403, "CSRF token missing or wrong"),
    /** A cookie-authenticated write comes from a page of an origin that may not write. */
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),
    /** The handle is taken. */
    HANDLE_TAKEN(409, "Handle taken"),
    /** Too many writes; {@code Retry-After} says when to try again. */
    RATE_LIMITED(429, "Too many writes"),
    /** The live stream has as many connections as it takes. */
    TOO_MANY_STREAMS(503, "Too many live connections"),
    // joining (members helper)
    /** No invitation has this code or id. */
    INVITATION_NOT_FOUND(404, "No such invitation"),
    /** The invitation expired, was used up or was revoked; the {@code invitationStatus} member says which. */
    INVITATION_GONE(410, "Invitation no longer valid"),
    /** The invitation is bound to an organisation and the request names another. */
    WRONG_ORGANISATION(422, "Invitation is for another organisation"),
    /** The signed-in account is a member already. */
    ALREADY_MEMBER(409, "Already a member"),
    /** The signed-in account has a pending join request already. */
    JOIN_REQUEST_PENDING(409, "Join request pending"),
    /** No join request has this id. */
    JOIN_REQUEST_NOT_FOUND(404, "No such join request"),
    /** The join request was approved or declined already. */
    JOIN_REQUEST_DECIDED(409, "Join request already decided"),
    /** The hub takes no join requests: it admits by invitation only. */
    JOIN_REQUESTS_CLOSED(403, "Joining by invitation only"),
    // moderation (issue 7)
    /** No report with this id. */
    REPORT_NOT_FOUND(404, "No such report"),
    /** The member's earlier report of this post is still open. */
    ALREADY_REPORTED(409, "Already reported"),
    /** The report was already dismissed or resolved. */
    REPORT_DECIDED(409, "Report already decided"),
    // data rights
    /** An erasure's {@code confirm} is not the member's own handle. */
    ERASURE_NOT_CONFIRMED(422, "Erasure not confirmed"),
    /** Something failed inside the server; the log has the details. */
    INTERNAL_ERROR(500, "Internal server error"),
    // members' blogs
    /** A blog feed URL that Chorus will never fetch (scheme, user info, an address that is not public). */
    BLOG_FEED_URL_REFUSED(422, "Blog feed URL refused"),
    /** The member has set no blog feed URL. */
    BLOG_NOT_SET(404, "No blog feed URL");

    /** Where every problem type URI starts. */
    public static final String BASE = "https://chorusfeed.org/problems/";

    private final int status;
    private final String title;
    private final String uri;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
        this.uri = BASE + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** A short, fixed summary of the kind. */
    public String title() {
        return title;
    }

    /** The stable {@code type} URI. */
    public String uri() {
        return uri;
    }
}

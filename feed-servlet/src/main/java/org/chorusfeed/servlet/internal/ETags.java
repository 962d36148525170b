package org.chorusfeed.servlet.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Entity tags from content hashes, and {@code If-None-Match} matching (RFC 9110, weak comparison). */
public final class ETags {
    private ETags() {
    }

    /** A weak tag from the bytes' SHA-256: equal bytes, equal tag. */
    public static String weak(byte[] body) {
        return "W/\"" + hash(body) + "\"";
    }

    /** A strong tag from the bytes' SHA-256. */
    public static String strong(byte[] body) {
        return "\"" + hash(body) + "\"";
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether an {@code If-None-Match} value names this tag (weak comparison, lists and {@code *} understood). */
    public static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.equals(etag)) {
            return true;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

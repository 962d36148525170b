package org.chorusfeed.post;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The hub's own copy of a link preview's image, served from the hub's origin so readers never contact the linked
 * site. Kept by the SHA-256 of its bytes: one image used by many previews is kept once.
 *
 * @param key         lower-case hex SHA-256 of the bytes
 * @param contentType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}
 * @param bytes       the image as fetched
 */
public record PreviewImage(String key, String contentType, byte[] bytes) {
    /** The types a preview image may have: those every browser shows and none runs scripts in. */
    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Checks the type and that the key is the hash of the bytes; copies the bytes. */
    public PreviewImage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        if (!TYPES.contains(contentType)) {
            throw new IllegalArgumentException("preview image type is \"" + contentType + "\"; it must be one of "
                    + TYPES);
        }
        if (!key.equals(keyOf(bytes))) {
            throw new IllegalArgumentException("preview image key " + key + " is not the SHA-256 of its bytes");
        }
    }

    /** An image keyed by the hash of its bytes. */
    public static PreviewImage of(String contentType, byte[] bytes) {
        return new PreviewImage(keyOf(bytes), contentType, bytes);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int size() {
        return bytes.length;
    }

    /** Equal when the key (and so the bytes) and type are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PreviewImage image && image.key.equals(key) && image.contentType.equals(contentType);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** Key, type and size, never the bytes. */
    @Override
    public String toString() {
        return "PreviewImage[" + key + " " + contentType + " " + bytes.length + " bytes]";
    }

    private static String keyOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

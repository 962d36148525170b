package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body, read with every limit the API promises: at most 64 KiB, {@code application/json},
 * valid UTF-8 and Unicode, well-formed JSON nested at most 16 deep, an object with no duplicate and no unknown
 * fields. Each breach is a problem that names what was wrong.
 *
 * @param fields the body's fields
 */
public record JsonBody(Map<String, JsonNode> fields) {
    /** Largest body, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;
    /** How much of a too-large body is read and dropped before answering 413 on a connection that stays open. */
    static final long MAX_DRAINED_BYTES = 1024 * 1024;
    /** Deepest nesting of arrays and objects. */
    public static final int MAX_DEPTH = 16;

    private static final JsonMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Copies the fields. */
    public JsonBody {
        fields = Map.copyOf(fields);
    }

    /**
     * Reads the request's body as a JSON object with only these fields.
     *
     * @param request the request
     * @param allowed the field names the route takes
     * @return the body
     * @throws ProblemException for every breach of the limits
     */
    public static JsonBody read(HttpServletRequest request, Set<String> allowed) throws IOException {
        requireJson(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw refuseAfterDraining(request.getInputStream(), tooLarge(declared));
        }
        byte[] bytes;
        try {
            bytes = readAtMost(request.getInputStream(), MAX_BYTES);
        } catch (ProblemException e) {
            throw refuseAfterDraining(request.getInputStream(), e);
        }
        return parse(bytes, allowed);
    }

    /**
     * Reads and drops what is left of a body that is too large, up to {@link #MAX_DRAINED_BYTES}, so the client,
     * still sending, reads the 413 instead of a reset connection; a body larger still gets the problem with
     * {@code Connection: close}, and the container drops the rest with the connection.
     */
    static ProblemException refuseAfterDraining(InputStream in, ProblemException problem) throws IOException {
        byte[] sink = new byte[8192];
        long drained = 0;
        int read;
        while (drained <= MAX_DRAINED_BYTES && (read = in.read(sink)) >= 0) {
            drained += read;
        }
        return drained > MAX_DRAINED_BYTES ? problem.header("Connection", "close") : problem;
    }

    /** Parses body bytes (already within the size limit) as a JSON object with only these fields. */
    static JsonBody parse(byte[] bytes, Set<String> allowed) {
        String text = decodeUtf8(bytes);
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new ProblemException(ProblemType.JSON_TOO_DEEP, "the body nests arrays and objects more than "
                    + MAX_DEPTH + " deep; flatten it").with("limit", MAX_DEPTH);
        } catch (StreamReadException e) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is not well-formed JSON"
                    + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is not well-formed JSON: "
                    + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is empty; send a JSON object");
        }
        if (!root.isObject()) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is a JSON " + kind(root)
                    + "; send a JSON object");
        }
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!allowed.contains(field.getKey())) {
                List<String> names = new ArrayList<>(allowed);
                names.sort(null);
                throw new ProblemException(ProblemType.UNKNOWN_FIELD, "the body has the unknown field '"
                        + printable(field.getKey()) + "'; this route takes " + (names.isEmpty() ? "no fields"
                        : String.join(", ", names))).with("field", printable(field.getKey()));
            }
            requireValidUnicode(field.getKey(), field.getValue());
            fields.put(field.getKey(), field.getValue());
        }
        return new JsonBody(fields);
    }

    /** Whether the field is present (null counts as present). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A string field that must be present. */
    public String requiredString(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body lacks the field '" + name + "'; give it as a string")
                    .with("field", name);
        }
        return string(name, node);
    }

    /** A string field that may be absent or null. */
    public Optional<String> optionalString(String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(string(name, node));
    }

    /** A field that is a list of strings, if present. */
    public Optional<List<String>> optionalStrings(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw wrongType(name, "an array of strings", node);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node.values()) {
            values.add(string(name, element));
        }
        return Optional.of(values);
    }

    /** A URL given in a field; its scheme and host are checked by the facade. */
    static java.net.URI uri(String field, String value) {
        try {
            return new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the field '" + field + "' has '" + printable(value)
                    + "', which is not a URL; give an absolute http or https URL").with("field", field);
        }
    }

    private static String string(String name, JsonNode node) {
        if (!node.isString()) {
            throw wrongType(name, "a string", node);
        }
        return node.stringValue();
    }

    private static ProblemException wrongType(String name, String expected, JsonNode node) {
        return new ProblemException(ProblemType.INVALID_JSON, "the field '" + name + "' is a JSON " + kind(node)
                + "; give " + expected).with("field", name);
    }

    static void requireJson(@Nullable String contentType) {
        if (contentType == null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the request has no Content-Type; send the body as application/json");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body is " + printable(mediaType)
                    + "; send it as application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body's charset is "
                        + printable(parameter.substring(8)) + "; send JSON in UTF-8");
            }
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] buffer = new byte[Math.min(max + 1, 8192)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > max) {
                    throw tooLarge(-1);
                }
                buffer = java.util.Arrays.copyOf(buffer, Math.min(max + 1, buffer.length * 2));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
            if (length > max) {
                throw tooLarge(-1);
            }
        }
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static ProblemException tooLarge(long declared) {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, (declared > 0 ? "the body is " + declared + " bytes"
                : "the body is larger than " + MAX_BYTES + " bytes") + "; the limit is " + MAX_BYTES + " bytes (64 KiB)")
                .with("limit", MAX_BYTES);
    }

    /** Decodes strict UTF-8: malformed or truncated sequences are refused with their byte offset. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalidUtf8(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw invalidUtf8(in.position());
        }
        out.flip();
        return out.toString();
    }

    private static ProblemException invalidUtf8(int offset) {
        return new ProblemException(ProblemType.INVALID_UTF8, "the body is not valid UTF-8 at byte " + offset
                + "; send JSON encoded as UTF-8").with("offset", offset);
    }

    /** Refuses unpaired surrogates, which JSON escapes can spell but no text may contain. */
    private static void requireValidUnicode(String field, JsonNode node) {
        if (node.isString()) {
            String value = node.stringValue();
            if (!isValidUnicode(value)) {
                throw new ProblemException(ProblemType.INVALID_UTF8, "the field '" + field
                        + "' holds an unpaired surrogate (a broken \\u escape); send valid Unicode text").with("field", field);
            }
        } else if (node.isArray() || node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (!isValidUnicode(child.getKey())) {
                    throw new ProblemException(ProblemType.INVALID_UTF8, "the field '" + field
                            + "' has a name with an unpaired surrogate; send valid Unicode text").with("field", field);
                }
                requireValidUnicode(field, child.getValue());
            }
            if (node.isArray()) {
                for (JsonNode element : node.values()) {
                    requireValidUnicode(field, element);
                }
            }
        }
    }

    static boolean isValidUnicode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isNull() ? "null" : "value";
    }

    private static String where(@Nullable TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unexpected input";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return printable(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    /** The value with control characters replaced, and at most 100 characters, for quoting back in a detail. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 101));
        for (int i = 0; i < value.length() && out.length() < 100; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        if (out.length() < value.length()) {
            out.append('…');
        }
        return out.toString();
    }
}

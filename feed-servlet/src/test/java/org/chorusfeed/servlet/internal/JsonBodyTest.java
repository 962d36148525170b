package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static final Set<String> POST = Set.of("text", "inReplyTo");

    private static JsonBody parse(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8), POST);
    }

    private static void assertProblem(ThrowableAssert.ThrowingCallable call, ProblemType type, String detailPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.type()).isEqualTo(type);
            assertThat(p.detail()).contains(detailPart);
        });
    }

    @Test
    void aTooLargeBody_isDrainedUpTo1MiB_andTheConnectionStaysOpen_pastThatItCloses() throws IOException {
        ProblemException problem = new ProblemException(ProblemType.BODY_TOO_LARGE, "too large");
        ByteArrayInputStream atLimit = new ByteArrayInputStream(new byte[(int) JsonBody.MAX_DRAINED_BYTES]);
        assertThat(JsonBody.refuseAfterDraining(atLimit, problem).headers()).doesNotContainKey("Connection");
        assertThat(atLimit.available()).isZero();

        ProblemException past = new ProblemException(ProblemType.BODY_TOO_LARGE, "too large");
        ByteArrayInputStream pastLimit = new ByteArrayInputStream(new byte[(int) JsonBody.MAX_DRAINED_BYTES + 1]);
        assertThat(JsonBody.refuseAfterDraining(pastLimit, past).headers()).containsEntry("Connection", "close");
    }

    @Test
    void knownFields_areRead() {
        JsonBody body = parse("{\"text\":\"hello\",\"inReplyTo\":null}");
        assertThat(body.requiredString("text")).isEqualTo("hello");
        assertThat(body.optionalString("inReplyTo")).isEmpty();
        assertThat(body.has("inReplyTo")).isTrue();
    }

    @Test
    void nesting_16Deep_isRead_17Deep_isRefused() {
        String at = "{\"text\":\"x\",\"inReplyTo\":" + "[".repeat(15) + "]".repeat(15) + "}";
        assertProblem(() -> parse(at).optionalString("inReplyTo"), ProblemType.INVALID_JSON, "array");
        String past = "{\"text\":\"x\",\"inReplyTo\":" + "[".repeat(16) + "]".repeat(16) + "}";
        assertProblem(() -> parse(past), ProblemType.JSON_TOO_DEEP, "16");
    }

    @Test
    void unknownFields_areRefused_byName() {
        assertProblem(() -> parse("{\"text\":\"x\",\"html\":\"<b>\"}"), ProblemType.UNKNOWN_FIELD, "'html'");
        assertProblem(() -> JsonBody.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8), Set.of()),
                ProblemType.UNKNOWN_FIELD, "no fields");
    }

    @Test
    void invalidUtf8_andUnpairedSurrogates_areRefused() {
        byte[] overlong = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertProblem(() -> JsonBody.parse(overlong, POST), ProblemType.INVALID_UTF8, "byte 9");
        byte[] truncated = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE2, (byte) 0x82};
        assertProblem(() -> JsonBody.parse(truncated, POST), ProblemType.INVALID_UTF8, "UTF-8");
        assertProblem(() -> parse("{\"text\":\"\\udc00\"}"), ProblemType.INVALID_UTF8, "surrogate");
        assertThat(parse("{\"text\":\"\\ud83d\\ude00\"}").requiredString("text")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void malformedJson_duplicates_trailingTokens_andNonObjects_areRefused() {
        assertProblem(() -> parse("{\"text\":"), ProblemType.INVALID_JSON, "well-formed");
        assertProblem(() -> parse("{\"text\":\"a\",\"text\":\"b\"}"), ProblemType.INVALID_JSON, "text");
        assertProblem(() -> parse("{\"text\":\"a\"} {}"), ProblemType.INVALID_JSON, "JSON");
        assertProblem(() -> parse("\"text\""), ProblemType.INVALID_JSON, "string");
        assertProblem(() -> parse(""), ProblemType.INVALID_JSON, "empty");
        assertProblem(() -> parse("{\"text\":1}").requiredString("text"), ProblemType.INVALID_JSON, "number");
        assertProblem(() -> parse("{}").requiredString("text"), ProblemType.INVALID_JSON, "lacks");
    }

    @Test
    void contentType_mustBeJsonInUtf8() {
        JsonBody.requireJson("application/json");
        JsonBody.requireJson("Application/JSON; charset=\"utf-8\"");
        assertProblem(() -> JsonBody.requireJson(null), ProblemType.UNSUPPORTED_MEDIA_TYPE, "no Content-Type");
        assertProblem(() -> JsonBody.requireJson("text/plain"), ProblemType.UNSUPPORTED_MEDIA_TYPE, "text/plain");
        assertProblem(() -> JsonBody.requireJson("application/x-www-form-urlencoded"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "application/json");
        assertProblem(() -> JsonBody.requireJson("application/json; charset=utf-16"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "utf-16");
    }

    @Test
    void printable_replacesControlCharacters_andShortens() {
        assertThat(JsonBody.printable("a\u0000b\nc")).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(JsonBody.printable("x".repeat(300))).hasSize(101).endsWith("…");
    }
}

package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.chorusfeed.HandleTakenException;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchOrganisationException;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.post.PostId;
import org.chorusfeed.text.TextRuleException;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void textRuleExceptions_are422_withAReasonSpecificType_andLengthAndLimit() {
        TextRuleException tooLong = refusal("a".repeat(501));
        ProblemException problem = Problems.of(tooLong);
        assertThat(problem.type()).isEqualTo(ProblemType.TEXT_TOO_LONG);
        assertThat(problem.type().status()).isEqualTo(422);
        assertThat(problem.type().uri()).isEqualTo("https://chorusfeed.org/problems/text-too-long");
        assertThat(problem.detail()).isEqualTo(tooLong.getMessage());
        assertThat(problem.extensions()).containsEntry("length", 501).containsEntry("limit", 500);

        assertThat(Problems.of(refusal(" ")).type()).isEqualTo(ProblemType.TEXT_EMPTY);
        assertThat(Problems.of(refusal("a\u0000b")).type()).isEqualTo(ProblemType.TEXT_CONTROL_CHARACTER);
        assertThat(Problems.of(refusal("a\u202Eb")).type()).isEqualTo(ProblemType.TEXT_BIDI_CONTROL);
        assertThat(Problems.of(refusal("a\n\n\n\n\n\n\n\nb")).type()).isEqualTo(ProblemType.TEXT_TOO_MANY_BLANK_LINES);
    }

    private static TextRuleException refusal(String text) {
        try {
            TextRules.defaults().parse(text, handle -> false);
        } catch (TextRuleException e) {
            return e;
        }
        throw new AssertionError("text rules accepted " + text);
    }

    @Test
    void domainExceptions_mapToTheirStatus() {
        assertThat(Problems.of(new NoSuchPostException(new PostId(5))).type()).isEqualTo(ProblemType.POST_NOT_FOUND);
        assertThat(Problems.of(new NoSuchMemberException("@x")).type().status()).isEqualTo(404);
        assertThat(Problems.of(new NoSuchOrganisationException("o")).type()).isEqualTo(ProblemType.ORGANISATION_NOT_FOUND);
        ProblemException notPermitted = Problems.of(new NotPermittedException(NotPermittedException.Reason.NOT_AUTHOR,
                "only the author can edit post 5"));
        assertThat(notPermitted.type().status()).isEqualTo(403);
        assertThat(notPermitted.extensions()).containsEntry("reason", "not-author");
        assertThat(Problems.of(new HandleTakenException("ada")).type().status()).isEqualTo(409);
        assertThat(Problems.of(new IllegalArgumentException("limit is 0; allowed 1 to 100")).type())
                .isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void serverFaults_areNotProblems_andTheInternalProblemSaysNothingOfTheCause() {
        assertThat(Problems.of(new IllegalStateException("SQLITE_BUSY: database is locked"))).isNull();
        assertThat(Problems.of(new NullPointerException())).isNull();
        assertThat(Problems.of(new IllegalArgumentException((String) null))).isNull();
        ProblemException internal = Problems.internal();
        assertThat(internal.type().status()).isEqualTo(500);
        assertThat(internal.detail()).doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void everyProblemType_hasAUniqueStableUri() {
        Set<String> uris = new HashSet<>();
        Arrays.stream(ProblemType.values()).forEach(type -> {
            assertThat(type.uri()).startsWith(ProblemType.BASE).matches(".*/[a-z0-9-]+");
            assertThat(uris.add(type.uri())).isTrue();
            assertThat(type.title()).isNotBlank();
        });
    }
}

package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ETagsTest {
    @Test
    void equalBytes_equalTags_otherBytes_otherTags() {
        byte[] a = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ETags.weak(a)).isEqualTo(ETags.weak(a.clone())).startsWith("W/\"").endsWith("\"");
        assertThat(ETags.weak(a)).isNotEqualTo(ETags.weak("{\"items\":[1]}".getBytes(StandardCharsets.UTF_8)));
        assertThat(ETags.strong(a)).doesNotStartWith("W/");
    }

    @Test
    void ifNoneMatch_comparesWeakly_andUnderstandsListsAndStar() {
        String tag = "W/\"abc\"";
        assertThat(ETags.matches("W/\"abc\"", tag)).isTrue();
        assertThat(ETags.matches("\"abc\"", tag)).isTrue();
        assertThat(ETags.matches("\"x\", W/\"abc\"", tag)).isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("\"abcd\"", tag)).isFalse();
        assertThat(ETags.matches(null, tag)).isFalse();
    }
}

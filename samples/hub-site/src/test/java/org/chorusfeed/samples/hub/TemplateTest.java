package org.chorusfeed.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void escape_makesTextSafeInContentAndQuotedAttributes() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
        assertThat(Html.escape("Förde")).isEqualTo("Förde");
    }

    @Test
    void render_fillsEachPlaceholderOnce_neverPlaceholdersInsideValues() {
        String html = Template.load("layout.html").render(Map.of("title", "{{main}}", "description", "d", "nav", "",
                "account", "$1 \\", "main", "<p>content</p>"));

        assertThat(html).contains("<title>{{main}} · Förde Innovation Network</title>", "$1 \\", "<p>content</p>");
    }

    @Test
    void render_refusesToLeaveAPlaceholderEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> Template.load("layout.html").render(Map.of()))
                .withMessageContaining("{{title}}");
    }
}

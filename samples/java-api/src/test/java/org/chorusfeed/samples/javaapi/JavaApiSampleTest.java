package org.chorusfeed.samples.javaapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaApiSampleTest {

    @Test
    void run_printsTheTimelineNewestFirst_acrossPages_withChangesAndARefusal(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JavaApiSample.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("Admitted @ada and @bo")
                .contains("change #1: ORGANISATION_CHANGED")
                .contains("[tag #BalticLab, link https://example.org/kickoff]")
                .contains("[mention @ada, tag #BalticLab]")
                .contains("Refused a long post: post text is 501 characters; the limit is 500")
                .contains("Posts tagged #BalticLab: 2")
                .contains("Appreciations of the kick-off: 1")
                .endsWith("Closed." + System.lineSeparator());

        List<String> timeline = out.lines().filter(line -> line.startsWith("  page ")).toList();
        assertThat(timeline).hasSize(7);
        assertThat(timeline.get(0)).endsWith("Update 5 from the workshop").startsWith("  page 1 ");
        assertThat(timeline.get(3)).endsWith("Update 2 from the workshop").startsWith("  page 2 ");
        assertThat(timeline.get(6)).endsWith("Kick-off at #BalticLab today https://example.org/kickoff")
                .startsWith("  page 3 ");
    }
}

package org.chorusfeed.outside;

import org.chorusfeed.testing.AttackCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.chorusfeed.outside.FetchRefusedException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every URL of the shared SSRF corpus ({@code /work/shared/corpus/ssrf-urls.txt}, or the file the system property
 * {@code chorus.ssrfCorpus} names; skipped when absent), grouped by its {@code # category} lines, is refused, and
 * no connection reaches a non-public address: the {@link PretendInternet} answers DNS as the corpus's names really
 * resolve, routes its pretend public addresses to local servers, and sends anything else to a counting canary.
 */
class SsrfCorpusTest {

    private static PretendInternet internet;
    private static SafeFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        internet = new PretendInternet();
        fetcher = internet.fetcher().build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fetcher != null) {
            fetcher.close();
        }
        if (internet != null) {
            internet.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyCorpusUrl_isRefused_andNoConnectionReachesANonPublicAddress() throws IOException {
        Map<String, List<String>> categories = readCorpus();
        List<DynamicNode> nodes = new ArrayList<>();
        categories.forEach((category, urls) -> nodes.add(DynamicContainer.dynamicContainer(category,
                urls.stream().map(url -> DynamicTest.dynamicTest(url, () -> assertRefused(category, url))))));
        nodes.add(DynamicTest.dynamicTest("no connection reached a non-public address", () -> {
            assertThat(internet.canary.accepted()).as("connections the canary accepted").isZero();
            assertThat(internet.dials()).as("addresses dialled")
                    .allSatisfy(address -> assertThat(AddressRanges.notPublic(address.getAddress())).isEmpty());
        }));
        assertThat(categories.values().stream().mapToInt(List::size).sum()).isGreaterThan(50);
        return nodes.stream();
    }

    private static void assertRefused(String category, String url) {
        FetchRefusedException refusal = catchThrowableOfType(FetchRefusedException.class,
                () -> fetcher.fetch(FetchRequest.page(url)));

        assertThat(refusal).as("refusal of %s", url).isNotNull();
        assertThat(refusal.reason()).as("reason for %s (%s)", url, refusal.getMessage()).isIn(expected(category));
        assertThat(refusal.getMessage()).startsWith(url.isEmpty() ? "" : url.substring(0, 4)).doesNotContain("Exception");
        for (String internal : List.of("127.0.0.1", "169.254.169.254", "0:0:0:0:0:0:0:1")) {
            if (refusal.getMessage().contains(" resolves to ") && !url.contains(internal)) {
                assertThat(refusal.getMessage()).as("what %s resolved to stays unsaid", url).doesNotContain(internal);
            }
        }
        for (InetSocketAddress dial : internet.dials()) {
            assertThat(AddressRanges.notPublic(dial.getAddress())).as("dialled %s for %s", dial, url).isEmpty();
        }
    }

    /** What each category must be refused for; every reason is one given before connecting to the target. */
    private static Set<Reason> expected(String category) {
        String name = category.toLowerCase(Locale.ROOT);
        if (name.startsWith("non-http")) {
            return EnumSet.of(Reason.SCHEME);
        }
        if (name.startsWith("userinfo")) {
            return EnumSet.of(Reason.USERINFO, Reason.MALFORMED_URL);
        }
        if (Stream.of("short", "decimal", "octal", "hexadecimal", "overflowing", "unspecified").anyMatch(name::contains)) {
            return EnumSet.of(Reason.ADDRESS_NOT_PUBLIC, Reason.MALFORMED_URL);   // numbers too big are no address
        }
        return EnumSet.of(Reason.ADDRESS_NOT_PUBLIC);
    }

    /** The corpus's URLs by category, in file order; skips the test when there is no corpus. */
    private static Map<String, List<String>> readCorpus() throws IOException {
        Path corpus = AttackCorpus.requireSsrfFile();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (line.startsWith("# category:")) {
                String name = line.substring("# category:".length()).replaceFirst("\\s*\\[.*$", "").strip();
                current = categories.computeIfAbsent(name, key -> new ArrayList<>());
            } else if (!line.isBlank() && !line.startsWith("#") && current != null) {
                current.add(line.strip());
            }
        }
        return categories;
    }
}

package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.chorusfeed.text.PostText;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.Test;

/** An entry's time in the network (DESIGN rule 2), its identity across fetches, and its post text within the rules. */
class BlogEntryTest {
    private static final TextRules RULES = TextRules.defaults();
    private static final Instant ARRIVAL = Instant.parse("2026-11-30T10:00:00Z");
    private static final URI LINK = URI.create("https://ada.example/2026/11/kick-off/");

    private static BlogEntry entry(String title, String excerpt, Optional<URI> link, Optional<Instant> date) {
        return new BlogEntry(new EntryKeys(Optional.of("id-1"), Optional.empty(), Optional.empty()), link, title,
                excerpt, date);
    }

    private static BlogEntry entry(String title, String excerpt) {
        return entry(title, excerpt, Optional.of(LINK), Optional.empty());
    }

    // --- time

    @Test
    void timeIn_isTheEarlierOfDateAndArrival_neverInTheFuture() {
        Instant lastWeek = ARRIVAL.minusSeconds(7 * 24 * 3600);

        assertThat(entry("t", "", Optional.of(LINK), Optional.of(lastWeek)).timeIn(ARRIVAL)).isEqualTo(lastWeek);
        assertThat(entry("t", "", Optional.of(LINK), Optional.of(ARRIVAL.plusSeconds(1))).timeIn(ARRIVAL)).isEqualTo(ARRIVAL);
        assertThat(entry("t", "", Optional.of(LINK), Optional.of(Instant.parse("2999-01-01T00:00:00Z"))).timeIn(ARRIVAL))
                .isEqualTo(ARRIVAL);
        assertThat(entry("t", "", Optional.of(LINK), Optional.empty()).timeIn(ARRIVAL)).isEqualTo(ARRIVAL);
    }

    // --- identity

    @Test
    void keys_matchOnAnyKeyBothHave_linksIgnoringSchemeAndTrailingSlash() {
        EntryKeys byId = new EntryKeys(Optional.of("guid-1"), Optional.of("a.example/x"), Optional.of("T @ undated"));
        EntryKeys changedGuid = new EntryKeys(Optional.of("guid-2"), Optional.of("a.example/x"), Optional.empty());
        EntryKeys editedTitle = new EntryKeys(Optional.of("guid-1"), Optional.of("a.example/y"), Optional.of("U @ undated"));
        EntryKeys other = new EntryKeys(Optional.of("guid-3"), Optional.of("a.example/z"), Optional.of("V @ undated"));

        assertThat(byId.matches(changedGuid)).isTrue();
        assertThat(byId.matches(editedTitle)).isTrue();
        assertThat(byId.matches(other)).isFalse();
        assertThat(byId.primary()).isEqualTo("id:guid-1");
        assertThat(Links.key(URI.create("http://A.example:80/x/?q=1#frag"))).isEqualTo("a.example/x?q=1");
        assertThat(Links.key(URI.create("https://a.example/x//"))).isEqualTo(Links.key(URI.create("http://a.example/x")));
        assertThat(Links.key(URI.create("https://a.example:8443/x"))).isEqualTo("a.example:8443/x");
        assertThat(Links.web("post/1", URI.create("https://a.example"))).contains(URI.create("https://a.example/post/1"));
    }

    @Test
    void entries_mustShowSomething_andLinkOnlyToTheWeb() {
        EntryKeys keys = new EntryKeys(Optional.of("x"), Optional.empty(), Optional.empty());
        assertThatIllegalArgumentException().isThrownBy(() -> new BlogEntry(keys, Optional.empty(), " ", "", Optional.empty()))
                .withMessage("an entry needs a title, an excerpt or a link");
        assertThatIllegalArgumentException().isThrownBy(() -> new BlogEntry(keys, Optional.of(URI.create("javascript:alert(1)")),
                "t", "", Optional.empty())).withMessageContaining("http or https");
        assertThatIllegalArgumentException().isThrownBy(() -> new EntryKeys(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    // --- post text

    @Test
    void toPostText_ofAShortEntry_isTitleDashExcerptAndLink() {
        assertThat(entry("Kick-off", "Sensors in the water.").toPostText(RULES))
                .isEqualTo("Kick-off — Sensors in the water. https://ada.example/2026/11/kick-off/");
        assertThat(entry("", "Only text.").toPostText(RULES)).isEqualTo("Only text. https://ada.example/2026/11/kick-off/");
        assertThat(entry("Only a title", "").toPostText(RULES)).isEqualTo("Only a title https://ada.example/2026/11/kick-off/");
    }

    @Test
    void toPostText_ofALongEntry_shortensTheExcerptAtAWord_keepingTheWholeLink() {
        String excerpt = "The buoys report salinity and temperature every ten minutes. ".repeat(20).strip();
        BlogEntry entry = entry("Kick-off at last", excerpt);

        String text = entry.toPostText(RULES);

        assertThat(RULES.length(text)).isLessThanOrEqualTo(500).isGreaterThan(450);
        assertThat(text).startsWith("Kick-off at last — The buoys report salinity").endsWith("… " + LINK);
        assertThat(text).matches("(?s).*[a-z.]… https://.*");
        PostText parsed = RULES.parse(text, handle -> false);
        assertThat(parsed.segments().get(parsed.segments().size() - 1)).isEqualTo(new Segment.Link(LINK.toString(), LINK.toString()));
    }

    @Test
    void toPostText_withAHugeTitle_shortensTheTitle_andDropsTheExcerpt() {
        TextRules tight = TextRules.builder().maxLength(60).build();
        BlogEntry entry = entry("A title that goes on and on about the harvest trials of the collective", "Excerpt.");

        String text = entry.toPostText(tight);

        assertThat(text).isEqualTo("A title that goes on and on about… " + LINK);
        assertThat(tight.length(text)).isLessThanOrEqualTo(60);
    }

    @Test
    void toPostText_whenEvenTheLinkDoesNotFit_refusesRatherThanCutTheLink() {
        TextRules tiny = TextRules.builder().maxLength(10).build();

        assertThatIllegalArgumentException().isThrownBy(() -> entry("t", "e").toPostText(tiny))
                .withMessage("the rules allow 10 characters, too few for this entry: \"… \" and its link count as 25");
        assertThat(entry("t", "e", Optional.empty(), Optional.empty()).toPostText(tiny)).isEqualTo("t — e");
    }

    @Test
    void toPostText_whenNoTextFitsBesideTheLink_marksTheOmissionRatherThanDropItSilently() {
        TextRules tight = TextRules.builder().maxLength(26).build();

        assertThat(entry("https://other.example/a-title-that-is-a-link", "").toPostText(tight)).isEqualTo("… " + LINK);
    }

    @Test
    void toPostText_keepsLinksWhoseLastCharacterTheLinkFinderWouldDrop() {
        for (String link : List.of("https://en.wiki.example/wiki/Kelp_(alga)", "https://a.example/ends-with.",
                "https://a.example/q?x=1;", "https://a.example/quote'")) {
            String text = entry("T", "", Optional.of(URI.create(link)), Optional.empty()).toPostText(RULES);
            List<Segment> segments = RULES.parse(text, handle -> false).segments();
            Segment last = segments.get(segments.size() - 1);

            assertThat(last).as(link).isInstanceOf(Segment.Link.class);
            assertThat(text).as(link).endsWith(last.text());
            assertThat(URI.create(((Segment.Link) last).href()).getPath())
                    .as(link).isEqualTo(URI.create(link).getPath());
        }
    }

    @Test
    void toPostText_neverSplitsEmojiCombiningMarksOrIndicConjuncts() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String accented = "e\u0301\u0323";
        String conjunct = "\u0915\u094D\u0937";
        for (String cluster : List.of(family, accented, conjunct)) {
            TextRules tight = TextRules.builder().maxLength(40).build();
            String text = entry("", cluster.repeat(60)).toPostText(tight);
            String kept = text.substring(0, text.indexOf('…'));

            assertThat(kept).as(cluster).isNotEmpty().matches("(" + Pattern.quote(cluster) + ")+");
            assertThat(tight.length(text)).isLessThanOrEqualTo(40);
        }
    }

    /** Seeded random entries: whatever the title, excerpt and rules, the text passes the rules and ends in the whole link. */
    @Test
    void toPostText_forRandomEntriesAndRules_alwaysPassesTheRulesWithTheLinkWhole() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String[] pieces = {"kelp", "Straße", "🦭", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "e\u0301", "क्ष",
                "波", "https://x.example/a", "#Tag", "@ada", ",", ".", " ", " ", " ", "—", "(", ")", "ﷺ", "\u200B"};
        for (int run = 0; run < 200; run++) {
            TextRules rules = TextRules.builder().maxLength(40 + random.nextInt(500)).urlLength(5 + random.nextInt(30)).build();
            String title = words(random, pieces, random.nextInt(40));
            String excerpt = words(random, pieces, random.nextInt(300));
            URI link = URI.create("https://blog.example/" + "p".repeat(1 + random.nextInt(60)));
            BlogEntry entry = entry(PlainText.clean(title), PlainText.clean(excerpt), Optional.of(link), Optional.empty());
            String context = "seed " + seed + ", run " + run;
            if (title.isBlank() && excerpt.isBlank()) {
                continue;
            }

            String text = entry.toPostText(rules);

            PostText parsed = rules.parse(text, handle -> false);
            assertThat(parsed.text()).as(context).isEqualTo(text);
            assertThat(rules.length(text)).as(context).isLessThanOrEqualTo(rules.maxLength());
            assertThat(parsed.segments().get(parsed.segments().size() - 1)).as(context)
                    .isEqualTo(new Segment.Link(link.toString(), link.toString()));
            String shown = text.substring(0, text.length() - link.toString().length()).stripTrailing();
            String whole = PostTexts.compose(entry.title(), entry.excerpt(), Optional.empty(), TextRules.builder().maxLength(10_000).build());
            if (!shown.equals(whole)) {
                assertThat(shown).as(context).endsWith("…");
                String kept = shown.substring(0, shown.length() - 1).stripTrailing();
                assertThat(rules.length(kept) + rules.length(whole.substring(kept.length())))
                        .as("cut between user-perceived characters; " + context).isEqualTo(rules.length(whole));
            }
        }
    }

    private static String words(Random random, String[] pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}

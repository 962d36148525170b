package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sat, 28 Nov 2026 09:12:44 +0000          | 2026-11-28T09:12:44Z
            Sat, 28 Nov 2026 09:12:44 GMT            | 2026-11-28T09:12:44Z
            28 Nov 2026 09:12 GMT                    | 2026-11-28T09:12:00Z
            Tue, 1 Dec 2026 08:00:00 +0100           | 2026-12-01T07:00:00Z
            Mon, 23 Nov 26 10:30 EST                 | 2026-11-23T15:30:00Z
            Friday, 22 Nov 2026 10:30:00 UT          | 2026-11-22T10:30:00Z
            Sat, 28 NOV 2026 09:12:44 pdt            | 2026-11-28T16:12:44Z
            Sat, 28 Nov 2026 09:12:44 +01:00         | 2026-11-28T08:12:44Z
            2026-11-28T09:12:44Z                     | 2026-11-28T09:12:44Z
            2026-11-28T09:12:44.123+02:00            | 2026-11-28T07:12:44.123Z
            2026-11-28 09:12:44+0200                 | 2026-11-28T07:12:44Z
            2026-11-28t09:12z                        | 2026-11-28T09:12:00Z
            2026-11-28T09:12:44                      | 2026-11-28T09:12:44Z
            2026-11-28                               | 2026-11-28T00:00:00Z
            """)
    void parse_readsTheFormsFeedsWrite(String text, String expected) {
        assertThat(FeedDates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "last Tuesday-ish", "2026-13-01", "2026-02-30T10:00:00Z",
            "32 Nov 2026 10:00:00 GMT", "28 Foo 2026 10:00:00 GMT", "28 Nov 2026 25:00:00 GMT", "28 Nov 2026 10:00:00 XYZ",
            "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT", "Wed, 31 Dec 1969 19:00:00 EST", "0000-01-01"})
    void parse_givesNoDateForWhatIsUnreadableOrTheEpoch(String text) {
        assertThat(FeedDates.parse(text)).isEmpty();
    }
}

package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chorusfeed.post.SourceKind;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void parse_decodesValues_andTreatsEmptyAsAbsent() {
        QueryString query = QueryString.parse("tag=%23Baltic%20Lab&member=&limit=5&flag");
        assertThat(query.get("tag")).contains("#Baltic Lab");
        assertThat(query.get("member")).isEmpty();
        assertThat(query.get("flag")).isEmpty();
        assertThat(query.get("limit")).contains("5");
    }

    @Test
    void parse_refusesRepeatedParameters_andBrokenEscapes() {
        assertThatThrownBy(() -> QueryString.parse("limit=1&limit=2")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> QueryString.parse("tag=%zz")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryString.parse("tag=%ff")).isInstanceOf(ProblemException.class);
        assertThat(QueryString.parse("tag=%EF%BF%BD").get("tag")).contains("\uFFFD");
    }

    @Test
    void timelineQueries_readEveryFilter() {
        TimelineQuery query = TimelineQueries.from(QueryString.parse(
                "limit=7&member=ada&org=baltic-lab&tag=%23BalticLab&replies=false&source=blog&before=c1"));
        assertThat(query.limit()).isEqualTo(7);
        assertThat(query.member()).contains("ada");
        assertThat(query.organisation()).contains("baltic-lab");
        assertThat(query.tag()).contains("BalticLab");
        assertThat(query.includeReplies()).isFalse();
        assertThat(query.source()).contains(SourceKind.BLOG);
        assertThat(query.before()).contains("c1");
    }

    @Test
    void newestUnfiltered_isOnlyThePageTheCacheHolds() {
        assertThat(TimelineQueries.isNewestUnfiltered(QueryString.parse(null))).isTrue();
        assertThat(TimelineQueries.isNewestUnfiltered(QueryString.parse("limit=50&replies=true&_=123"))).isTrue();
        assertThat(TimelineQueries.isNewestUnfiltered(QueryString.parse("replies=false"))).isFalse();
        assertThat(TimelineQueries.isNewestUnfiltered(QueryString.parse("tag=x"))).isFalse();
        assertThat(TimelineQueries.isNewestUnfiltered(QueryString.parse("before=c1"))).isFalse();
        assertThat(TimelineQueries.isNewestUnfiltered(QueryString.parse("after=c1"))).isFalse();
    }

    @Test
    void limit_isOneToOneHundred() {
        assertThat(TimelineQueries.limit(QueryString.parse(null))).isEqualTo(20);
        assertThat(TimelineQueries.limit(QueryString.parse("limit=1"))).isEqualTo(1);
        assertThat(TimelineQueries.limit(QueryString.parse("limit=100"))).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-1", "1e2", "abc", "0100", " 5", "99999999999"}) {
            assertThatThrownBy(() -> TimelineQueries.limit(QueryString.parse("limit=" + bad.replace(" ", "%20"))))
                    .as(bad).isInstanceOfSatisfying(ProblemException.class,
                            p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_PARAMETER));
        }
    }
}

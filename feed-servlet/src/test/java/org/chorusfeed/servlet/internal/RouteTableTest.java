package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final Handler NOTHING = x -> { };

    private final RouteTable table = RouteTable.builder()
            .constrain("file", Set.of("widget.js", "widget-manifest.json")::contains)
            .add("GET", "/api/timeline", Access.READ, NOTHING)
            .add("POST", "/api/posts", Access.MEMBER, NOTHING)
            .add("GET", "/api/posts/{id}", Access.READ, NOTHING)
            .add("PATCH", "/api/posts/{id}", Access.MEMBER, NOTHING)
            .add("DELETE", "/api/posts/{id}", Access.MEMBER, NOTHING)
            .add("POST", "/api/posts/{id}/appreciation", Access.MEMBER, NOTHING)
            .add("DELETE", "/api/admin/members/{handle}/tokens/{id}", Access.ADMIN, NOTHING)
            .add("GET", "/openapi.json", Access.OPEN, NOTHING)
            .add("GET", "/{file}", Access.OPEN, NOTHING)
            .build();

    @Test
    void match_exactPath_findsTheRouteForEachMethod_andHeadFindsGet() {
        RouteTable.Match match = table.match("/api/timeline");
        assertThat(match).isNotNull();
        assertThat(match.parameters()).isEmpty();
        assertThat(match.route("GET").template()).isEqualTo("/api/timeline");
        assertThat(match.route("HEAD").method()).isEqualTo("GET");
        assertThat(match.route("POST")).isNull();
        assertThat(match.allow()).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void match_template_bindsParameters_segmentBySegment() {
        RouteTable.Match match = table.match("/api/admin/members/ada/tokens/42");
        assertThat(match.parameters()).isEqualTo(Map.of("handle", "ada", "id", "42"));
        assertThat(table.match("/api/posts/123").allow()).isEqualTo("GET, HEAD, PATCH, DELETE, OPTIONS");
        assertThat(table.match("/api/posts/123/appreciation").route("POST")).isNotNull();
    }

    @Test
    void match_refusesEmptySegments_extraSegments_trailingSlashes_andUnknownPaths() {
        assertThat(table.match("/api/posts/")).isNull();
        assertThat(table.match("/api/posts//appreciation")).isNull();
        assertThat(table.match("/api/posts/1/2")).isNull();
        assertThat(table.match("/api/timeline/")).isNull();
        assertThat(table.match("/api")).isNull();
        assertThat(table.match("")).isNull();
        assertThat(table.match("/")).isNull();
    }

    @Test
    void match_constrainedParameter_matchesOnlyAllowedValues_andExactPathsComeFirst() {
        assertThat(table.match("/widget.js").parameters()).containsEntry("file", "widget.js");
        assertThat(table.match("/openapi.json").parameters()).isEmpty();
        assertThat(table.match("/secret.txt")).isNull();
        assertThat(table.match("/..%2Fetc")).isNull();
    }

    @Test
    void build_refusesTwoRoutesForOneMethodAndPath() {
        assertThatThrownBy(() -> RouteTable.builder().add("GET", "/a", Access.OPEN, NOTHING)
                .add("GET", "/a", Access.OPEN, NOTHING).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /a");
    }

    @Test
    void route_writesAreEveryMethodButGet() {
        assertThat(new Route("GET", "/x", Access.READ, NOTHING).isWrite()).isFalse();
        assertThat(new Route("POST", "/x", Access.READ, NOTHING).isWrite()).isTrue();
        assertThat(new Route("DELETE", "/x", Access.READ, NOTHING).isWrite()).isTrue();
        assertThatThrownBy(() -> new Route("HEAD", "/x", Access.READ, NOTHING)).isInstanceOf(IllegalArgumentException.class);
    }
}

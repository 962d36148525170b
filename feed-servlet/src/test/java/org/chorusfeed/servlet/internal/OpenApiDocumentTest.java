package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chorusfeed.Chorus;
import org.chorusfeed.servlet.ChorusServletConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and the route table describe the same API: no route undocumented, none documented only. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void document_listsExactlyTheRoutes() throws Exception {
        JsonNode document;
        try (InputStream in = DocumentRoutes.class.getResourceAsStream("openapi.json")) {
            document = Representations.MAPPER.readTree(in);
        }
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String name : path.getValue().propertyNames()) {
                if (METHODS.contains(name)) {
                    documented.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        Set<String> routes = new TreeSet<>();
        try (Chorus chorus = Chorus.builder().inMemory().build();
                Api api = new Api(ChorusServletConfig.builder(chorus).build(), WidgetAssets.load(null))) {
            for (Route route : api.routes().routes()) {
                routes.add(route.method() + " " + route.template());
            }
        }
        assertThat(documented).as("documented but not routed").isSubsetOf(routes);
        assertThat(routes).as("routed but not documented").isSubsetOf(documented);
    }

    @Test
    void everyPathParameter_isDeclared() throws Exception {
        JsonNode document;
        try (InputStream in = DocumentRoutes.class.getResourceAsStream("openapi.json")) {
            document = Representations.MAPPER.readTree(in);
        }
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String text = path.getValue().toString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([a-z]+)}").matcher(path.getKey());
            while (m.find()) {
                String parameter = m.group(1);
                boolean declared = text.contains("\"name\":\"" + parameter + "\"") || text.contains(
                        "#/components/parameters/" + (parameter.equals("id")
                                ? (path.getKey().contains("tokens") ? "tokenId" : "postId") : parameter));
                assertThat(declared).as("%s declares {%s}", path.getKey(), parameter).isTrue();
            }
        }
    }
}

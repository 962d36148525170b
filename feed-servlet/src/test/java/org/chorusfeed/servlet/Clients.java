package org.chorusfeed.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients of one test server, for suites to share: scripts by bearer token (one client and its connections
 * per token, as a real script keeps) and browsers signed in through the host's {@code /login}.
 */
final class Clients {
    private final URI root;
    private final Map<String, Client> scripts = new ConcurrentHashMap<>();

    Clients(URI root) {
        this.root = root;
    }

    /** A script without credentials. */
    Client anonymous() {
        return bearer("");
    }

    /** A script with this token. */
    Client bearer(String token) {
        return scripts.computeIfAbsent(token, t -> Client.script(root, t));
    }

    /** A new browser, signed in as this handle through the host's login. */
    Client signedIn(String handle) {
        Client browser = Client.browser(root);
        assertThat(browser.get("/login?handle=" + handle).status()).isEqualTo(204);
        return browser;
    }

    /** A JSON object of these fields and values. */
    static String json(Object... fieldsAndValues) {
        var node = Client.JSON.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.set((String) fieldsAndValues[i], Client.JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return node.toString();
    }

    /** Asserts an RFC 9457 problem of this status and type, with a title and a detail a person can act on. */
    static void assertProblem(Client.Response response, int status, String type) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problem()).as("%s", response).isEqualTo(type);
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asString()).isNotBlank().doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}

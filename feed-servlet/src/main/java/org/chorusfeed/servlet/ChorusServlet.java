package org.chorusfeed.servlet;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.chorusfeed.Chorus;
import org.chorusfeed.servlet.internal.Api;
import org.chorusfeed.servlet.internal.WidgetAssets;
import org.jspecify.annotations.Nullable;

/**
 * A hub's Chorus on HTTP: the JSON API, the live stream ({@code text/event-stream}), Atom, RSS and JSON feeds,
 * the widget's script and the API's OpenAPI description, under whatever path the host mounts it at. Routes are
 * relative to the mount: mounted at {@code /chorus/*}, the timeline is {@code /chorus/api/timeline} and the
 * widget {@code /chorus/widget.js}. The servlet needs async support for the live stream.
 *
 * <p>With the servlet API ({@code ServletContext.addServlet}, Jetty, Tomcat):
 * <pre>{@code
 * ChorusServlet servlet = new ChorusServlet(ChorusServletConfig.builder(chorus)
 *         .memberResolver((request, c) -> c.members().findByHandle(String.valueOf(request.getRemoteUser())))
 *         .allowedOrigins("https://hub.example")
 *         .build());
 * ServletRegistration.Dynamic registration = servletContext.addServlet("chorus", servlet);
 * registration.addMapping("/chorus/*");
 * registration.setAsyncSupported(true);
 * }</pre>
 *
 * <p>With Spring Boot (its registrations support async by default):
 * <pre>{@code
 * @Bean ServletRegistrationBean<ChorusServlet> chorusServlet(Chorus chorus) {
 *     return new ServletRegistrationBean<>(new ChorusServlet(ChorusServletConfig.builder(chorus).build()), "/chorus/*");
 * }
 * }</pre>
 *
 * <p>From {@code web.xml}, with the no-argument constructor, the servlet finds its configuration in this order:
 * a {@link ChorusServletConfig} in the servlet context attribute {@value #CONFIG_ATTRIBUTE} (put there by the
 * host's {@code ServletContextListener}); else a {@link Chorus} in the context attribute {@value #CHORUS_ATTRIBUTE},
 * or one the servlet opens itself over the init parameter {@code dataDirectory} (and closes in
 * {@link #destroy()}), configured by the init parameters {@code allowedOrigins} (comma-separated),
 * {@code publicReads}, {@code writesPerMinutePerMember}, {@code writesPerMinutePerAddress},
 * {@code maxStreamConnections}, {@code heartbeatSeconds}, {@code streamQueueCapacity}, {@code hubTitle},
 * {@code publicBaseUrl} and {@code approvalRequests}. Members are then recognised by the container's login
 * ({@code getUserPrincipal()}).
 * <pre>{@code
 * <servlet>
 *   <servlet-name>chorus</servlet-name>
 *   <servlet-class>org.chorusfeed.servlet.ChorusServlet</servlet-class>
 *   <init-param><param-name>dataDirectory</param-name><param-value>/var/lib/chorus</param-value></init-param>
 *   <async-supported>true</async-supported>
 * </servlet>
 * <servlet-mapping><servlet-name>chorus</servlet-name><url-pattern>/chorus/*</url-pattern></servlet-mapping>
 * }</pre>
 */
public final class ChorusServlet extends HttpServlet {
    /** The servlet context attribute where a host may put the {@link ChorusServletConfig} for web.xml mounts. */
    public static final String CONFIG_ATTRIBUTE = "org.chorusfeed.servlet.ChorusServletConfig";
    /** The servlet context attribute where a host may put the {@link Chorus} for web.xml mounts. */
    public static final String CHORUS_ATTRIBUTE = "org.chorusfeed.Chorus";

    private static final long serialVersionUID = 1L;

    private transient @Nullable ChorusServletConfig config;
    private transient @Nullable Chorus owned;
    private transient volatile @Nullable Api api;
    private transient volatile @Nullable WidgetAssets widget;

    /**
     * A servlet with this configuration: the way to mount it from code.
     *
     * @param config the configuration
     */
    public ChorusServlet(ChorusServletConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * A servlet that reads its configuration in {@link #init(ServletConfig)}: the way to mount it from
     * {@code web.xml}; see the class description.
     */
    public ChorusServlet() {
        this.config = null;
    }

    /**
     * Starts the servlet: subscribes to the change log for the live stream and the timeline cache.
     *
     * @throws ServletException when no configuration can be found, or it is invalid
     */
    @Override
    public void init() throws ServletException {
        if (config == null) {
            config = configFromContainer();
        }
        api = new Api(config, widgetAssets());
    }

    private ChorusServletConfig configFromContainer() throws ServletException {
        Object configured = getServletContext().getAttribute(CONFIG_ATTRIBUTE);
        if (configured instanceof ChorusServletConfig c) {
            return c;
        }
        try {
            Chorus chorus;
            Object shared = getServletContext().getAttribute(CHORUS_ATTRIBUTE);
            if (shared instanceof Chorus c) {
                chorus = c;
            } else {
                String directory = getInitParameter("dataDirectory");
                if (directory == null || directory.isBlank()) {
                    throw new UnavailableException("the Chorus servlet has no configuration: construct it with a "
                            + "ChorusServletConfig, put one in the servlet context attribute " + CONFIG_ATTRIBUTE
                            + ", put a Chorus in " + CHORUS_ATTRIBUTE + ", or give the init parameter dataDirectory");
                }
                owned = Chorus.builder().dataDirectory(Path.of(directory.trim())).build();
                chorus = owned;
            }
            return ChorusServletConfig.fromParameters(chorus, this::getInitParameter);
        } catch (IllegalArgumentException e) {
            closeOwned();
            throw new UnavailableException("the Chorus servlet's init parameters are invalid: " + e.getMessage());
        }
    }

    /** Answers every request under the mount. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Api current = api;
        if (current == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        current.service(request, response);
    }

    /** Ends every live connection, stops the change-log subscription, and closes a Chorus it opened itself. */
    @Override
    public void destroy() {
        Api current = api;
        api = null;
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            closeOwned();
        }
    }

    private void closeOwned() {
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }

    /**
     * The Subresource Integrity value of the widget's script, for {@code <script integrity=...>}.
     *
     * @return {@code sha384-} and the base64 SHA-384 of {@code widget.js}
     * @throws IllegalStateException when feed-widget-js is not on the class path
     */
    public String widgetIntegrity() {
        return widgetAssets().widget().integrity();
    }

    /**
     * The version of the widget's script, for URLs that may be cached for a year: {@code widget.js?v=...}.
     *
     * @return a short hash of {@code widget.js}
     * @throws IllegalStateException when feed-widget-js is not on the class path
     */
    public String widgetVersion() {
        return widgetAssets().widget().version();
    }

    /**
     * A ready-to-paste {@code <script>} element that loads the widget from this servlet, pinned to this version
     * with its integrity hash:
     * {@code <script src="https://hub.example/chorus/widget.js?v=..." integrity="sha384-..." crossorigin="anonymous" defer></script>}.
     *
     * @param mountUrl the servlet's public URL, like {@code https://hub.example/chorus}
     * @return the element as HTML
     * @throws IllegalArgumentException when {@code mountUrl} is not an absolute http or https URL
     */
    public String widgetScriptTag(String mountUrl) {
        URI uri = parse(mountUrl);
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("mountUrl '" + mountUrl + "' is not allowed; give the servlet's "
                    + "absolute http or https URL, like https://hub.example/chorus");
        }
        String base = uri.toString().replaceAll("/+$", "");
        String src = base + "/widget.js?v=" + widgetVersion();
        return "<script src=\"" + attribute(src) + "\" integrity=\"" + attribute(widgetIntegrity())
                + "\" crossorigin=\"anonymous\" defer></script>";
    }

    private static @Nullable URI parse(String url) {
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private WidgetAssets widgetAssets() {
        WidgetAssets assets = widget;
        if (assets == null) {
            assets = WidgetAssets.load(ChorusServlet.class.getClassLoader());
            widget = assets;
        }
        return assets;
    }

    /** Escapes a value for a double-quoted HTML attribute. */
    private static String attribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

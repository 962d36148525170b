package org.chorusfeed.samples.hub;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The second origin: a member organisation's own website (Werkhaus Makerlab) on another port, embedding the hub's
 * widget from the hub's origin the way any member site would. Across origins the widget reads the hub's public
 * API without cookies, so it is read-only ({@code compose="off"} says so explicitly).
 */
final class PartnerSiteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Host names we are willing to repeat in the page and its policy; anything else becomes {@code localhost}. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    /** The organisation whose site this is. */
    static final String ORGANISATION = "werkhaus-lab";

    private final transient Template page = Template.load("partner/index.html");
    private final byte[] stylesheet = Template.resource("partner/partner.css").getBytes(StandardCharsets.UTF_8);
    private final transient IntSupplier hubPort;

    PartnerSiteServlet(IntSupplier hubPort) {
        this.hubPort = hubPort;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String hub = hubOrigin(request);
        SecurityHeaders.apply(response, "default-src 'self'; script-src 'self' " + hub + "; style-src 'self'; "
                + "connect-src " + hub + "; img-src 'self' data: " + hub + "; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'");
        switch (path) {
            case "/", "/index.html" -> send(request, response, 200, "text/html;charset=UTF-8",
                    page.render(Map.of("hub", Html.escape(hub), "org", ORGANISATION)).getBytes(StandardCharsets.UTF_8));
            case "/partner.css" -> send(request, response, 200, "text/css;charset=UTF-8", stylesheet);
            default -> send(request, response, 404, "text/plain;charset=UTF-8",
                    "Not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The hub's origin as seen from the visitor: the host name they used for this site, with the hub's port. */
    private String hubOrigin(HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost";
        }
        return "http://" + host + ":" + hubPort.getAsInt();
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, int status, String type,
            byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}

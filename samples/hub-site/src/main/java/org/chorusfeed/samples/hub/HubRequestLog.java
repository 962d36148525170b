package org.chorusfeed.samples.hub;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request at debug level, on the logger {@value #LOGGER}: who, what, the outcome and how long it
 * took. Never logs headers, so bearer tokens and cookies stay out of the log.
 */
final class HubRequestLog implements RequestLog {
    /** The logger's name; set it to debug to see requests. */
    static final String LOGGER = "org.chorusfeed.samples.hub.requests";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void log(Request request, Response response) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} :{} {} {} {} {}ms {}B", Request.getRemoteAddr(request), Request.getLocalPort(request),
                    request.getMethod(), request.getHttpURI().getPathQuery(), response.getStatus(),
                    NanoTime.millisSince(request.getBeginNanoTime()), Response.getContentBytesWritten(response));
        }
    }
}

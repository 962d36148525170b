package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/**
 * Where the servlet serves its copies of preview images: {@code <base>/previews/<key>}. The base is the configured
 * public URL of the mount ({@code https://hub.example/chorus}); without one, the mount's path on the hub's origin
 * ({@code /chorus}), as the container maps it. Never a host from a request's headers: the newest timeline page
 * and the live stream are rendered once for every reader, and a forged {@code Host} must not reach them.
 */
final class PreviewLinks {
    /** The path of the images under the mount. */
    static final String PATH = "/previews/";

    private final Optional<String> configured;
    private volatile String mountPath = "";

    PreviewLinks(Optional<URI> publicBaseUrl) {
        this.configured = publicBaseUrl.map(URI::toString);
    }

    /** Learns the mount's path from a request (the container's mapping, not a header). */
    void seen(HttpServletRequest request) {
        if (configured.isEmpty()) {
            String path = Mount.basePath(request);
            if (!path.equals(mountPath)) {
                mountPath = path;
            }
        }
    }

    /** The URL of the image with this key. */
    String image(String key) {
        return configured.orElse(mountPath) + PATH + key;
    }
}

package org.chorusfeed.outside;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens a TCP connection to an address the fetcher already vetted; never resolves anything. */
@FunctionalInterface
interface Dialer {
    /** Plain {@link Socket}s, connected to the vetted address itself. */
    Dialer PLAIN = (address, timeoutMillis) -> {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    };

    /** A socket connected to {@code address}, which is resolved already ({@link InetSocketAddress#isUnresolved()} false). */
    Socket dial(InetSocketAddress address, int timeoutMillis) throws IOException;
}

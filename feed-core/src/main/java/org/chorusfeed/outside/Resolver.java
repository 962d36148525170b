package org.chorusfeed.outside;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses; asked once per connection, never for an address literal. */
@FunctionalInterface
interface Resolver {
    /** All addresses of {@code host}, an ASCII host name. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}

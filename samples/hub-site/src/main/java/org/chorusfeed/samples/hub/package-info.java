/**
 * The demo hub website: an ordinary organisation's site on embedded Jetty 12 that mounts the Chorus servlet at
 * {@code /chorus/*} and embeds the {@code <chorus-feed>} widget in its pages. Start with {@link
 * org.chorusfeed.samples.hub.HubSite}.
 */
@NullMarked
package org.chorusfeed.samples.hub;

import org.jspecify.annotations.NullMarked;

/**
 * The demo network the hub seeds into an empty store: a fictional regional innovation network, its people and
 * three weeks of their posts, all written for the Chorus demo.
 */
@NullMarked
package org.chorusfeed.samples.hub.seed;

import org.jspecify.annotations.NullMarked;

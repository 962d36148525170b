/**
 * The one door to the outside (DESIGN rule 10): {@link org.chorusfeed.outside.SafeFetcher} makes every outbound
 * HTTP request Chorus makes, for blog feeds and link previews alike.
 *
 * <p>It fetches http and https only, resolves a host once and connects to that vetted address, refuses
 * loopback, private, link-local, multicast, documentation and reserved addresses (also after every redirect),
 * and caps size and time. A refusal is a {@link org.chorusfeed.outside.FetchRefusedException} whose
 * {@link org.chorusfeed.outside.FetchRefusedException.Reason} says what was wrong.
 */
@NullMarked
package org.chorusfeed.outside;

import org.jspecify.annotations.NullMarked;

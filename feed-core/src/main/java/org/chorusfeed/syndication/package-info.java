/**
 * Syndication: a page of the timeline as an Atom 1.0, RSS 2.0 or JSON Feed 1.1 document.
 *
 * <p>Start with {@link org.chorusfeed.syndication.Syndication#write}. Post text leaves as plain text and as
 * HTML built from its segments, escaped and then cleaned by one jsoup {@code Safelist}; nothing a member
 * wrote is ever passed through as markup.
 */
@NullMarked
package org.chorusfeed.syndication;

import org.jspecify.annotations.NullMarked;

/**
 * The Chorus servlet: the JSON API, the live stream, the feeds, the widget and the API's description,
 * under whatever path the host mounts it at.
 *
 * <p>Start with {@link org.chorusfeed.servlet.ChorusServlet} and {@link org.chorusfeed.servlet.ChorusServletConfig};
 * implement {@link org.chorusfeed.servlet.MemberResolver} to tell the servlet who a request is.
 */
@NullMarked
package org.chorusfeed.servlet;

import org.jspecify.annotations.NullMarked;

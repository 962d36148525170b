/**
 * How the Chorus servlet works inside: routing, problems, request bodies, JSON shapes, rate limits, the timeline
 * cache, the live stream, the widget files and the feeds. <strong>Not API</strong>: the module does not export
 * it, and anything here may change in any release.
 */
@NullMarked
package org.chorusfeed.servlet.internal;

import org.jspecify.annotations.NullMarked;

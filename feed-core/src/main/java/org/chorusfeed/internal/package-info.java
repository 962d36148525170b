/**
 * Implementation shared across Chorus's packages. <strong>Not API</strong>: the module does not export it,
 * and anything here may change in any release.
 */
@NullMarked
package org.chorusfeed.internal;

import org.jspecify.annotations.NullMarked;

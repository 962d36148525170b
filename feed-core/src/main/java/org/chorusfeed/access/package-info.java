/** Personal access tokens: how scripts act as a member. Only hashes are stored. */
@NullMarked
package org.chorusfeed.access;

import org.jspecify.annotations.NullMarked;

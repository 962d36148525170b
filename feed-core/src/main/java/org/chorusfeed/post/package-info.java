/** Brief posts: publishing, editing, deleting, appreciating; and the ids that order them. */
@NullMarked
package org.chorusfeed.post;

import org.jspecify.annotations.NullMarked;

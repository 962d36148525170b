/**
 * Civility in a curated network: the audit log of admin acts, members' reports of posts, and admins hiding posts
 * from every public read.
 */
@NullMarked
package org.chorusfeed.moderation;

import org.jspecify.annotations.NullMarked;

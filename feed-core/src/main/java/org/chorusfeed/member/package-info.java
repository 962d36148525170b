/** Members of the network, their organisations, roles and standing. */
@NullMarked
package org.chorusfeed.member;

import org.jspecify.annotations.NullMarked;

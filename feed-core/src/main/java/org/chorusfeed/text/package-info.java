/**
 * Post text: the rules it must follow ({@link org.chorusfeed.text.TextRules}), the reasons it can be refused
 * ({@link org.chorusfeed.text.TextRuleException}) and the plain segments it is shown as
 * ({@link org.chorusfeed.text.Segment}): text, links, mentions and tags, never markup.
 */
@NullMarked
package org.chorusfeed.text;

import org.jspecify.annotations.NullMarked;

package org.chorusfeed.joining;

import org.chorusfeed.member.Member;

/**
 * An approved join request and the member it admitted.
 *
 * @param request the request, now approved
 * @param member  the new member
 */
public record Approval(JoinRequest request, Member member) {
}

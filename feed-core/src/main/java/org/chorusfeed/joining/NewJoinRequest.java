package org.chorusfeed.joining;

import java.util.Optional;
import org.chorusfeed.member.NewMember;

/**
 * What a person asks for when they request to join: who they are at the host, and the member they would be.
 *
 * <pre>{@code
 * NewJoinRequest.of("u-4711", NewMember.handle("ada").name("Ada Example")).message("I run the print lab in Kiel")
 * }</pre>
 *
 * @param account the host's id of the person asking
 * @param handle  the handle they pick
 * @param name    their display name
 * @param organisation the organisation they say they belong to, if any
 * @param message what they write to the admins, at most {@value #MAX_MESSAGE_LENGTH} characters (may be empty)
 */
public record NewJoinRequest(String account, String handle, String name, Optional<String> organisation,
        String message) {
    /** The longest message. */
    public static final int MAX_MESSAGE_LENGTH = 500;

    /** Checks every field (by building the member it would admit). */
    public NewJoinRequest {
        NewMember checked = member(account, handle, name, organisation);
        name = checked.name();
        message = message.strip();
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message is " + message.length() + " characters; the limit is "
                    + MAX_MESSAGE_LENGTH);
        }
        if (message.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("message has a control character; only line breaks are allowed");
        }
    }

    /** A request by this account to become this member (its handle, name and organisation), without a message. */
    public static NewJoinRequest of(String account, NewMember member) {
        return new NewJoinRequest(account, member.handle(), member.name(), member.organisation(), "");
    }

    /** A copy with this message to the admins. */
    public NewJoinRequest message(String text) {
        return new NewJoinRequest(account, handle, name, organisation, text);
    }

    /** The member approving it admits: a plain member with this account. */
    public NewMember member() {
        return member(account, handle, name, organisation);
    }

    private static NewMember member(String account, String handle, String name, Optional<String> organisation) {
        NewMember member = NewMember.handle(handle).name(name).account(account);
        return organisation.isPresent() ? member.organisation(organisation.get()) : member;
    }
}

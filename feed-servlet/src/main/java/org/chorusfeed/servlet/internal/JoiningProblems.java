package org.chorusfeed.servlet.internal;

import org.chorusfeed.joining.AlreadyMemberException;
import org.chorusfeed.joining.InvitationClosedException;
import org.chorusfeed.joining.JoinRequestDecidedException;
import org.chorusfeed.joining.JoinRequestPendingException;
import org.chorusfeed.joining.NoSuchInvitationException;
import org.chorusfeed.joining.NoSuchJoinRequestException;
import org.chorusfeed.joining.WrongOrganisationException;
import org.jspecify.annotations.Nullable;

/** The problems for what the invitations and join requests of the facade throw. */
final class JoiningProblems {
    private JoiningProblems() {
    }

    /** The problem for a joining exception; {@code null} for any other failure. */
    static @Nullable ProblemException of(Throwable failure) {
        if (failure instanceof NoSuchInvitationException e) {
            return new ProblemException(ProblemType.INVITATION_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof InvitationClosedException e) {
            return new ProblemException(ProblemType.INVITATION_GONE, e.getMessage()).with("invitationStatus", e.statusName());
        }
        if (failure instanceof WrongOrganisationException e) {
            return new ProblemException(ProblemType.WRONG_ORGANISATION, e.getMessage())
                    .with("organisation", e.invited());
        }
        if (failure instanceof AlreadyMemberException e) {
            return new ProblemException(ProblemType.ALREADY_MEMBER, e.getMessage()).with("handle", e.handle());
        }
        if (failure instanceof JoinRequestPendingException e) {
            return new ProblemException(ProblemType.JOIN_REQUEST_PENDING, e.getMessage())
                    .with("id", Long.toString(e.pendingId()));
        }
        if (failure instanceof NoSuchJoinRequestException e) {
            return new ProblemException(ProblemType.JOIN_REQUEST_NOT_FOUND, e.getMessage());
        }
        if (failure instanceof JoinRequestDecidedException e) {
            return new ProblemException(ProblemType.JOIN_REQUEST_DECIDED, e.getMessage());
        }
        return null;
    }
}

package org.chorusfeed.store.memory;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.joining.NoSuchJoinRequestException;

/** Invitations and join requests of an {@link InMemoryStore}, by id. Not thread-safe: the store's lock guards it. */
final class MemoryMembership {
    private final NavigableMap<Long, Invitation> invitations = new TreeMap<>();
    private final NavigableMap<Long, JoinRequest> requests = new TreeMap<>();
    private long lastInvitationId;
    private long lastRequestId;

    Invitation insert(Invitation invitation) {
        Invitation stored = new Invitation(++lastInvitationId, invitation.code(), invitation.organisation(),
                invitation.uses(), 0, invitation.expiresAt(), invitation.createdAt(), invitation.createdBy(),
                invitation.note(), invitation.revokedAt());
        invitations.put(stored.id(), stored);
        return stored;
    }

    Invitation replace(Invitation invitation) {
        invitations.put(invitation.id(), invitation);
        return invitation;
    }

    List<Invitation> invitations() {
        return List.copyOf(invitations.descendingMap().values());
    }

    Optional<Invitation> invitation(long id) {
        return Optional.ofNullable(invitations.get(id));
    }

    Optional<Invitation> invitation(String code) {
        return invitations.values().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    JoinRequest insert(NewJoinRequest request, Instant at) {
        JoinRequest stored = new JoinRequest(++lastRequestId, request, JoinRequestStatus.PENDING, at, Optional.empty(),
                Optional.empty(), Optional.empty());
        requests.put(stored.id(), stored);
        return stored;
    }

    JoinRequest replace(JoinRequest request) {
        requests.put(request.id(), request);
        return request;
    }

    List<JoinRequest> requests(Optional<JoinRequestStatus> status) {
        return requests.descendingMap().values().stream()
                .filter(r -> status.isEmpty() || r.status() == status.get()).toList();
    }

    Optional<JoinRequest> request(long id) {
        return Optional.ofNullable(requests.get(id));
    }

    JoinRequest existingRequest(long id) {
        return request(id).orElseThrow(() -> new NoSuchJoinRequestException(Long.toString(id)));
    }

    Optional<JoinRequest> latest(String account) {
        return requests.descendingMap().values().stream().filter(r -> r.applicant().account().equals(account))
                .findFirst();
    }

    /** Forgets every request to join made from this host account (the member who made them was erased). */
    void forgetAccount(String account) {
        requests.values().removeIf(r -> r.applicant().account().equals(account));
    }
}

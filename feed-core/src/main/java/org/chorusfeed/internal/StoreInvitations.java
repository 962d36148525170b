package org.chorusfeed.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.InvitationClosedException;
import org.chorusfeed.joining.InvitationStatus;
import org.chorusfeed.joining.Invitations;
import org.chorusfeed.joining.NewInvitation;
import org.chorusfeed.joining.NoSuchInvitationException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.moderation.AuditLog;
import org.chorusfeed.store.Store;

/** {@link Invitations} over a store: codes of 128 random bits from a {@link SecureRandom}. */
public final class StoreInvitations implements Invitations {
    private static final int CODE_BYTES = 16;
    /** 16 bytes in URL-safe base64 without padding. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    /** Invitations kept in this store, timed by this clock, each admin act recorded in the audit log. */
    public StoreInvitations(Store store, Clock clock, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Invitation create(MemberId by, NewInvitation invitation) {
        Admins.require(store, by, "create invitations");
        Instant now = clock.instant();
        byte[] secret = new byte[CODE_BYTES];
        random.nextBytes(secret);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Invitation created = store.insertInvitation(new Invitation(0, code, invitation.organisation(),
                invitation.uses(), 0, now.plus(invitation.validFor()), now, by, invitation.note(), Optional.empty()));
        audit.record(by, "invitation.created", target(created), null);
        return created;
    }

    @Override
    public List<Invitation> list() {
        return store.invitations();
    }

    @Override
    public Optional<Invitation> find(long id) {
        return store.findInvitation(id);
    }

    @Override
    public Invitation open(String code) {
        Invitation invitation = byCode(code);
        InvitationStatus status = invitation.status(clock.instant());
        if (status != InvitationStatus.OPEN) {
            throw new InvitationClosedException(status);
        }
        return invitation;
    }

    @Override
    public Invitation revoke(MemberId by, long id) {
        Admins.require(store, by, "revoke invitations");
        Invitation before = store.findInvitation(id).orElseThrow(() -> new NoSuchInvitationException(Long.toString(id)));
        Invitation revoked = store.revokeInvitation(id, clock.instant()).orElse(before);
        if (before.revokedAt().isEmpty()) {
            audit.record(by, "invitation.revoked", target(revoked), null);
        }
        return revoked;
    }

    @Override
    public Member accept(String code, NewMember member) {
        if (member.account().isEmpty()) {
            throw new IllegalArgumentException("the member accepting an invitation has no account; give the host's "
                    + "account id of the person signed in");
        }
        requireWellFormed(code);
        return store.acceptInvitation(code, member, clock.instant());
    }

    private static String target(Invitation invitation) {
        return "invitation:" + invitation.id();
    }

    private Invitation byCode(String code) {
        requireWellFormed(code);
        return store.findInvitationByCode(code).orElseThrow(() -> new NoSuchInvitationException("with this code"));
    }

    private static void requireWellFormed(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new NoSuchInvitationException("with this code");
        }
    }
}

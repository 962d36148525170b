package org.chorusfeed.internal;

import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.store.Store;

/** The check every admin act of the Java API starts with: the acting member is an active hub admin. */
final class Admins {
    private Admins() {
    }

    /** The acting admin; {@code act} names what they tried, for the refusal's message ("hide posts"). */
    static Member require(Store store, MemberId by, String act) {
        Member admin = store.findMember(by).orElseThrow(() -> new NoSuchMemberException(by.toString()));
        if (!admin.isActiveAdmin()) {
            throw new NotPermittedException(NotPermittedException.Reason.NOT_ADMIN, "only an active hub admin can "
                    + act + "; @" + admin.handle() + " is not one");
        }
        return admin;
    }
}

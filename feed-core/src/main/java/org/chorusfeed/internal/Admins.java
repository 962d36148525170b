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

    static Member require(Store store, MemberId by) {
        Member admin = store.findMember(by).orElseThrow(() -> new NoSuchMemberException(by.toString()));
        if (!admin.isAdmin() || !admin.isActive()) {
            throw new NotPermittedException(NotPermittedException.Reason.NOT_ADMIN, "only an active hub admin may do "
                    + "this; @" + admin.handle() + " is not one");
        }
        return admin;
    }
}

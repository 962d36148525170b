package org.chorusfeed.joining;

import java.time.Duration;
import java.util.Optional;
import org.chorusfeed.member.Names;

/**
 * What an admin asks for when creating an invitation. Start with {@link #singleUse()}:
 *
 * <pre>{@code
 * NewInvitation.singleUse().uses(5).validFor(Duration.ofDays(30)).organisation("baltic-lab").note("Baltic Lab team")
 * }</pre>
 *
 * @param uses         how many people may accept it: 1 to {@value #MAX_USES}
 * @param validFor     how long it can be accepted: 1 to {@value #MAX_DAYS} days
 * @param organisation the organisation everyone who accepts joins, if any
 * @param note         who it is for, at most {@value #MAX_NOTE_LENGTH} characters (may be empty)
 */
public record NewInvitation(int uses, Duration validFor, Optional<String> organisation, String note) {
    /** The most uses of one invitation. */
    public static final int MAX_USES = 1000;
    /** The longest an invitation stays valid, in days. */
    public static final int MAX_DAYS = 90;
    /** How long an invitation stays valid unless said otherwise, in days. */
    public static final int DEFAULT_DAYS = 14;
    /** The longest note. */
    public static final int MAX_NOTE_LENGTH = 200;

    /** Checks every field. */
    public NewInvitation {
        if (uses < 1 || uses > MAX_USES) {
            throw new IllegalArgumentException("uses is " + uses + "; give 1 to " + MAX_USES);
        }
        if (validFor.compareTo(Duration.ofDays(1)) < 0 || validFor.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new IllegalArgumentException("an invitation valid for " + validFor + " is not allowed; give 1 to "
                    + MAX_DAYS + " days");
        }
        organisation.ifPresent(slug -> Names.requireSlug("organisation slug", slug));
        note = note.strip();
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note is " + note.length() + " characters; the limit is "
                    + MAX_NOTE_LENGTH);
        }
        if (note.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("note has a control character; none are allowed");
        }
    }

    /** One use, valid for {@value #DEFAULT_DAYS} days, in no organisation, without a note. */
    public static NewInvitation singleUse() {
        return new NewInvitation(1, Duration.ofDays(DEFAULT_DAYS), Optional.empty(), "");
    }

    /** A copy good for this many uses. */
    public NewInvitation uses(int count) {
        return new NewInvitation(count, validFor, organisation, note);
    }

    /** A copy valid for this long. */
    public NewInvitation validFor(Duration duration) {
        return new NewInvitation(uses, duration, organisation, note);
    }

    /** A copy whose members join this organisation. */
    public NewInvitation organisation(String slug) {
        return new NewInvitation(uses, validFor, Optional.of(slug), note);
    }

    /** A copy with this note. */
    public NewInvitation note(String text) {
        return new NewInvitation(uses, validFor, organisation, text);
    }
}

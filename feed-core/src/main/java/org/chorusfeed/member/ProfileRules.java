package org.chorusfeed.member;

import java.util.regex.Pattern;

/** The rules for a member's host account and language, and for an organisation's description. */
final class ProfileRules {
    /** The longest account id the host may hand over. */
    static final int MAX_ACCOUNT_LENGTH = 200;
    /** The longest language tag (BCP 47 allows long tags; 35 holds every tag in common use). */
    static final int MAX_LANGUAGE_LENGTH = 35;

    // a primary language subtag, then subtags of letters and digits (script, region, variants), hyphenated
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private ProfileRules() {
    }

    static String requireAccount(String account) {
        if (account.isEmpty() || account.length() > MAX_ACCOUNT_LENGTH) {
            throw new IllegalArgumentException("account is " + account.length() + " characters; give 1 to "
                    + MAX_ACCOUNT_LENGTH);
        }
        if (account.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("account has a space or control character; the host's account id "
                    + "must be one printable word");
        }
        return account;
    }

    static String requireLanguage(String tag) {
        if (tag.length() > MAX_LANGUAGE_LENGTH || !LANGUAGE.matcher(tag).matches()) {
            String shown = tag.length() > MAX_LANGUAGE_LENGTH ? tag.length() + " characters long" : "'" + tag + "'";
            throw new IllegalArgumentException("language is " + shown + "; give a BCP 47 tag like de or pt-BR, at most "
                    + MAX_LANGUAGE_LENGTH + " characters");
        }
        return tag;
    }

    static String requireDescription(String value, int limit) {
        String description = value.strip();
        if (description.length() > limit) {
            throw new IllegalArgumentException("organisation description is " + description.length()
                    + " characters; the limit is " + limit);
        }
        if (description.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("organisation description has a control character; only line breaks "
                    + "are allowed");
        }
        return description;
    }
}

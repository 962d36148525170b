package org.chorusfeed;

/** No member with the given handle or id exists. */
public final class NoSuchMemberException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final String member;

    /** Creates the exception for the member that was asked for, by handle or id. */
    public NoSuchMemberException(String member) {
        super("member " + member + " does not exist");
        this.member = member;
    }

    /** The handle or id that was asked for. */
    public String member() {
        return member;
    }
}

package org.chorusfeed;

/** No organisation with the given slug exists. */
public final class NoSuchOrganisationException extends ChorusException {
    private static final long serialVersionUID = 1L;
    private final String slug;

    /** Creates the exception for the organisation that was asked for. */
    public NoSuchOrganisationException(String slug) {
        super("organisation '" + slug + "' does not exist; create it first with organisations().save(...)");
        this.slug = slug;
    }

    /** The slug that was asked for. */
    public String slug() {
        return slug;
    }
}

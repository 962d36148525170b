package org.chorusfeed.samples.hub;

/**
 * One page of the hub's site, before the layout wraps it.
 *
 * @param title       the page's title (text, escaped by the layout)
 * @param description a one-line summary for search engines (text, escaped by the layout)
 * @param section     the navigation entry it belongs to
 * @param main        the page's main content (HTML)
 */
record SitePage(String title, String description, Section section, String main) {

    /** The site's sections, in navigation order. */
    enum Section {
        HOME("/", "Home"),
        NETWORK("/network.html", "Our network"),
        EVENTS("/events.html", "Events"),
        /** The admin console: in the navigation only for hub admins. */
        ADMIN("/admin.html", "Admin console"),
        /** Pages outside the navigation: sign-in, errors. */
        NONE("", "");

        final String path;
        final String label;

        Section(String path, String label) {
            this.path = path;
            this.label = label;
        }
    }
}

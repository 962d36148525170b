package org.chorusfeed.servlet.internal;

/** Who may use a route. */
public enum Access {
    /** Anyone, always, without looking at who it is: the widget's files and the API's description. */
    OPEN,
    /** Anyone, always, and the caller is recognised: the session. */
    ANYONE,
    /** Anyone when the hub's reads are public, otherwise members only. */
    READ,
    /** Members only. */
    MEMBER,
    /** People signed in at the host, members or not: joining the network (members helper). */
    ACCOUNT,
    /** Active hub admins only. */
    ADMIN
}

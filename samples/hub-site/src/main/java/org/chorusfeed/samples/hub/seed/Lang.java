package org.chorusfeed.samples.hub.seed;

/** The two languages the demo network writes in. */
enum Lang {
    EN, DE
}

package org.chorusfeed.changes;

/** Receives changes in {@code seq} order, on a thread of its own subscription. */
@FunctionalInterface
public interface ChangeListener {
    /** Called once per change, in order; an exception is logged and delivery goes on. */
    void onChange(Change change);
}

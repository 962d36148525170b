package org.chorusfeed.store.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few read-only connections, opened when first needed and reused. In WAL mode they read the last committed
 * state while the writer writes; each statement is its own read transaction.
 */
final class ReadPool implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 10;

    /** A read on a connection of the pool. */
    @FunctionalInterface
    interface Read<T> {
        T run(SqlConnection connection) throws SQLException;
    }

    private final Path file;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<SqlConnection> idle = new ConcurrentLinkedQueue<>();
    private final List<SqlConnection> opened = new ArrayList<>();
    private volatile boolean closed;

    ReadPool(Path file, int size) {
        this.file = file;
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /**
     * Runs a read on a pooled connection.
     *
     * @param what what it reads, for the message if the database fails ("read the timeline")
     */
    <T> T read(String what, Read<T> read) {
        permits.acquireUninterruptibly();
        try {
            if (closed) {
                throw SqliteStore.closedException();
            }
            SqlConnection connection = idle.poll();
            if (connection == null) {
                connection = open(what);
            }
            try {
                return read.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("the store could not " + what + ": the database failed", e);
            } finally {
                idle.add(connection);
            }
        } finally {
            permits.release();
        }
    }

    private SqlConnection open(String what) {
        try {
            SqlConnection connection = SqlConnection.open(file, true);
            synchronized (opened) {
                opened.add(connection);
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("the store could not " + what + ": could not open " + file, e);
        }
    }

    /** Waits briefly for reads under way, then closes every connection. */
    @Override
    public void close() {
        closed = true;
        boolean drained = false;
        try {
            drained = permits.tryAcquire(size, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (opened) {
            opened.forEach(SqlConnection::close);
            opened.clear();
        }
        idle.clear();
        if (drained) {
            permits.release(size);
        }
    }
}

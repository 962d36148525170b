package org.chorusfeed.store.sqlite;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The one writer: a thread that owns the write connection and runs write tasks from a queue. It takes every task
 * waiting (up to {@link #MAX_BATCH}), runs each inside its own savepoint of one transaction, commits once, and
 * only then runs the commit callback and acknowledges the callers. Concurrent writers thus share one durable
 * commit (group commit) and nobody hears "done" before the data is on disk; a task that fails is rolled back
 * alone and only its caller gets the exception.
 */
final class Writer implements AutoCloseable {
    /** The most tasks committed together. */
    static final int MAX_BATCH = 256;

    /** A unit of work inside the write transaction. */
    @FunctionalInterface
    interface Task<T> {
        T run(Transaction transaction) throws SQLException;
    }

    private final SqlConnection connection;
    private final Transaction transaction;
    private final Runnable afterCommit;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private boolean closing;

    /**
     * Starts the writer thread on this connection.
     *
     * @param afterCommit run on the writer thread after each commit that appended changes, before callers return
     */
    Writer(SqlConnection connection, Runnable afterCommit, String threadName) {
        this.connection = connection;
        this.transaction = new Transaction(connection);
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Runs the task in the next group commit and waits until it is committed.
     *
     * @param what what the task does, for the message if the database fails ("save the post")
     * @throws IllegalStateException if the store is closed or the database failed
     */
    <T> T write(String what, Task<T> task) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a change callback cannot write to the store: it runs on the writer thread");
        }
        Pending<T> pending = new Pending<>(what, task);
        lock.lock();
        try {
            if (closing) {
                throw SqliteStore.closedException();
            }
            queue.add(pending);
            waiting.signal();
        } finally {
            lock.unlock();
        }
        return pending.await();
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (take(batch)) {
                commit(batch);
                batch.clear();
            }
        } catch (Throwable e) {
            // never leave a caller waiting for an answer that will not come
            for (Pending<?> pending : batch) {
                pending.fail(e);
                pending.complete();
            }
            failQueued(e);
            throw e;
        } finally {
            connection.close();
        }
    }

    /** Waits for tasks and moves up to a batch of them into {@code batch}; false once closed and drained. */
    private boolean take(List<Pending<?>> batch) {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                waiting.awaitUninterruptibly();
            }
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
            return !batch.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Pending<?>> batch) {
        Transaction.Mark mark = transaction.mark();
        boolean appended = false;
        try {
            connection.prepare("BEGIN IMMEDIATE").execute();
            transaction.begin();
            transaction.takeAppended();
            for (Pending<?> pending : batch) {
                pending.run(transaction, connection);
                appended |= transaction.takeAppended();
            }
            connection.prepare("COMMIT").execute();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            transaction.reset(mark);
            for (Pending<?> pending : batch) {
                pending.fail(new IllegalStateException("the store could not " + pending.what
                        + ": the database failed to commit; nothing of it was saved", e));
            }
            appended = false;
        }
        if (appended) {
            afterCommit.run();
        }
        for (Pending<?> pending : batch) {
            pending.complete();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.prepare("ROLLBACK").execute();
        } catch (SQLException ignored) {
            // SQLite may have rolled back already (for example on a full disk); either way nothing was committed
        }
    }

    private void failQueued(Throwable cause) {
        lock.lock();
        try {
            closing = true;
            for (Pending<?> pending : queue) {
                pending.fail(cause);
                pending.complete();
            }
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new tasks, commits those already queued, and stops the thread, which closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            waiting.signal();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A task waiting for its commit, and then its outcome. */
    private static final class Pending<T> {
        private final String what;
        private final Task<T> task;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private @Nullable T result;
        private @Nullable Throwable failure;

        Pending(String what, Task<T> task) {
            this.what = what;
            this.task = task;
        }

        /** Runs the task in its own savepoint; on failure rolls back to it, keeping the failure for the caller. */
        void run(Transaction transaction, SqlConnection connection) throws SQLException {
            Transaction.Mark mark = transaction.mark();
            connection.prepare("SAVEPOINT task").execute();
            try {
                result = task.run(transaction);
            } catch (SQLException e) {
                undo(transaction, connection, mark);
                failure = new IllegalStateException("the store could not " + what + ": the database refused it", e);
            } catch (RuntimeException | Error e) {
                undo(transaction, connection, mark);
                failure = e;
            }
            connection.prepare("RELEASE task").execute();
        }

        private static void undo(Transaction transaction, SqlConnection connection, Transaction.Mark mark) throws SQLException {
            connection.prepare("ROLLBACK TO task").execute();
            transaction.reset(mark);
            transaction.takeAppended();
        }

        void fail(Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
        }

        void complete() {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(result);
            }
        }

        T await() {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}

package org.loftmail.net.impl;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unix-domain socket connection: blocking channel IO, written by the session thread and read
 * by the connection's own virtual thread. No TLS.
 */
final class UnixConnection extends BaseConnection {

    private static final Logger LOG = LoggerFactory.getLogger(UnixConnection.class);

    private final SocketChannel channel;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Condition readable = readLock.newCondition();
    private boolean readSuspended;
    private final CountDownLatch closed = new CountDownLatch(1);

    UnixConnection(String id, ListenerRuntime runtime, SocketChannel channel, SocketAddress remote, SocketAddress local) {
        super(id, runtime.settings().name(), remote, local, runtime.timer(), runtime.settings().idleTimeout());
        this.channel = channel;
    }

    @Override
    public boolean secure() {
        return false;
    }

    @Override
    public boolean tlsAvailable() {
        return false;
    }

    @Override
    public void startTls() {
        throw new IllegalStateException("TLS is not available on Unix socket listeners");
    }

    @Override
    protected void transportWrite(byte[] data) {
        writeLock.lock();
        Duration timeout = idleTimeout();
        ScheduledFuture<?> stall = null;
        try {
            if (timeout.toNanos() > 0) {
                stall = timer.schedule(() -> {
                    LOG.warn("session {}: client on {} did not read for {}: closing", id(), listenerName(), timeout);
                    closeChannel();
                }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException | RejectedExecutionException e) {
            LOG.debug("session {}: write failed: {}", id(), e.toString());
            closeChannel();
        } finally {
            if (stall != null) {
                stall.cancel(false);
            }
            writeLock.unlock();
        }
    }

    @Override
    protected void closeTransport() {
        closeChannel(); // output was flushed by close(); blocking writes leave nothing queued
    }

    @Override
    protected void closeTransportNow() {
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("session {}: close failed: {}", id(), e.toString());
        }
        closed.countDown();
        readLock.lock();
        try {
            readable.signalAll();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    void suspendRead() {
        readLock.lock();
        try {
            readSuspended = true;
        } finally {
            readLock.unlock();
        }
    }

    @Override
    void resumeRead() {
        readLock.lock();
        try {
            readSuspended = false;
            readable.signalAll();
        } finally {
            readLock.unlock();
        }
    }

    /** Reader thread: waits while the session is behind on input. */
    void awaitReadable() throws InterruptedException {
        readLock.lock();
        try {
            while (readSuspended && channel.isOpen()) {
                readable.await();
            }
        } finally {
            readLock.unlock();
        }
    }

    /** Reader thread, after end of input: waits until the session closed the connection. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }
}

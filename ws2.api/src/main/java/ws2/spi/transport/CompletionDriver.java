package ws2.spi.transport;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The readiness loop of a provider, offered to the threads of a completion port so one of them can
 * run it while it waits for packets (leader/follower). A ws2 extension: on Windows the kernel
 * completes an IFS provider's I/O and {@code GetQueuedCompletionStatus} only dequeues; on the JVM a
 * provider's own thread (a selector loop) plays the kernel, and handing each completion from that
 * thread to a port's thread costs a wake-up and a cache transfer per operation. With a driver, a
 * port thread that finds the queue empty becomes the loop's leader, serves the readiness itself
 * (indicating completions as the provider always does), then takes a packet as usual: a completion
 * is then handled in the thread that produced it, as in an event loop.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>At most one thread leads at a time: the one {@link #tryLead()} answered true, until it calls
 * {@link #release()}. The provider's own thread is one of the candidates and must give the lead
 * to a port thread that asks for it; it takes the loop back when no port thread leads.</li>
 * <li>{@link #drive(long)} serves ready sockets until one completes an operation, waiting up to the
 * given time if nothing is ready, and returns early when {@link #wakeup()} is called (by any thread,
 * e.g. when a packet is posted from elsewhere).</li>
 * <li>The driver stays valid after the provider's {@code WSPCleanup}: {@link #tryLead()} then
 * answers false.</li>
 * </ul>
 * Obtained from {@link DrivableDispatch#completionDriver}.
 */
@ConsumerType
public interface CompletionDriver {
    /**
     * Makes the calling thread the leader if no other port thread leads. If the provider's own
     * thread leads, it is asked to give the lead up and the call waits for it, a bounded time (the
     * own thread is woken and releases as soon as it runs).
     *
     * @return true if the calling thread now leads and must call {@link #release()}; false if
     *         another thread leads or the driver is closed
     */
    boolean tryLead();

    /**
     * As the leader: serves the ready sockets one at a time until one of them completes an
     * overlapped operation (the caller then goes to handle it; sockets found ready and not yet
     * served wait for the next leader, before any new wait for readiness). If none is ready, waits
     * for readiness first.
     *
     * @param timeoutNanos the longest wait; negative waits until readiness or {@link #wakeup()}, zero
     *        does not wait
     * @return false if the driver was closed meanwhile (the caller releases the lead and stops
     *         driving)
     */
    boolean drive(long timeoutNanos);

    /** Makes a {@link #drive(long)} in progress, or the next one, return at once. Any thread. */
    void wakeup();

    /** Gives up the lead taken by {@link #tryLead()}. */
    void release();
}

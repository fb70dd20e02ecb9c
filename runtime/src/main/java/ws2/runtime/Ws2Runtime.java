package ws2.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * The running framework with every embedded bundle started.
 *
 * <p>The launcher embeds Felix and creates it directly rather than through {@code FrameworkFactory}: the
 * configuration carries an object, Felix's logger, which the standard factory's {@code Map<String, String>}
 * cannot.
 */
final class Ws2Runtime implements AutoCloseable {

    /** How long {@link #close()} waits for the framework to stop. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Framework framework;
    private final PrintStream err;

    private Ws2Runtime(Framework framework, PrintStream err) {
        this.framework = framework;
        this.err = err;
    }

    /**
     * Starts the framework and every embedded bundle, and stops the framework again when the JVM shuts down
     * (Ctrl-C, SIGTERM), waiting at most {@link #STOP_TIMEOUT}. On failure the framework is stopped at once.
     *
     * @param properties the framework properties ({@link FrameworkProperties}); Felix's log is added
     * @param bundles    the bundles to install and start
     * @param err        the process's standard error, for Felix's log and for problems while stopping
     * @return the running runtime
     * @throws BootException if the framework or a bundle did not start
     */
    static Ws2Runtime boot(Map<String, Object> properties, EmbeddedBundles bundles, PrintStream err)
            throws BootException {
        properties.put("felix.log.logger", new StderrLogger(err));
        Ws2Runtime runtime = new Ws2Runtime(new Felix(properties), err);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "ws2 shutdown"));
        try {
            runtime.framework.start();
            new BundleStarter(runtime.framework.getBundleContext()).installAndStart(bundles);
            return runtime;
        } catch (BundleException e) {
            runtime.close();
            throw new BootException("the framework did not start: " + e.getMessage());
        } catch (BootException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * @return the system bundle's context
     */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Waits until the framework stopped, e.g. when the shell ends.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /**
     * Stops the framework and waits at most {@link #STOP_TIMEOUT}; does nothing once it stopped.
     */
    @Override
    public void close() {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                err.println("warning: the framework did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (BundleException e) {
            err.println("warning: the framework could not be stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

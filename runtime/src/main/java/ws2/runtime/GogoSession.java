package ws2.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A Gogo command session, reached by reflection through the {@value #PROCESSOR} service.
 *
 * <p>Gogo lives inside the framework. Putting its API on the launcher's class path would give the
 * {@code org.apache.felix.service.command} package two class loaders, so the launcher calls the service
 * object through the API classes of the bundle that registered it. Only this class knows Gogo's method names.
 */
final class GogoSession implements AutoCloseable {

    /** The service interface of Gogo's command processor. */
    static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    /**
     * The command search order. Gogo's default login profile puts Gogo's own commands first; sessions opened
     * here do the same, so that a script means what it means in the shell ({@code echo} is Gogo's echo).
     */
    private static final String SCOPE = "gogo:*";
    private static final String CONVERTER = "org.apache.felix.service.command.Converter";

    private final BundleContext context;
    private final ServiceReference<?> reference;
    private final Object session;
    private final Method execute;
    private final Method format;
    private final Method close;
    private final int inspect;

    private GogoSession(BundleContext context, ServiceReference<?> reference, Object session, Class<?> sessionType,
            int inspect) throws NoSuchMethodException {
        this.context = context;
        this.reference = reference;
        this.session = session;
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.format = sessionType.getMethod("format", Object.class, int.class);
        this.close = sessionType.getMethod("close");
        this.inspect = inspect;
    }

    /**
     * Opens a session on Gogo's command processor.
     *
     * @param context the system bundle's context
     * @param in      the session's standard input
     * @param out     the session's standard output
     * @param err     the session's standard error
     * @return the session; close it before the framework stops
     * @throws BootException if no command processor is registered or its API is not the expected one
     */
    static GogoSession open(BundleContext context, InputStream in, OutputStream out, OutputStream err)
            throws BootException {
        ServiceReference<?> reference = context.getServiceReference(PROCESSOR);
        if (reference == null) {
            throw new BootException("no " + PROCESSOR + " service is registered");
        }
        try {
            Bundle gogo = reference.getBundle();
            Object processor = context.getService(reference);
            Method createSession = gogo.loadClass(PROCESSOR)
                    .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
            int inspect = gogo.loadClass(CONVERTER).getField("INSPECT").getInt(null);
            Class<?> sessionType = gogo.loadClass(SESSION);
            Object session = createSession.invoke(processor, in, out, err);
            sessionType.getMethod("put", String.class, Object.class).invoke(session, "SCOPE", SCOPE);
            return new GogoSession(context, reference, session, sessionType, inspect);
        } catch (ReflectiveOperationException | RuntimeException e) {
            context.ungetService(reference);
            throw new BootException("Gogo's command processor cannot be used: " + e);
        }
    }

    /**
     * Runs a Gogo script in this session.
     *
     * @param script the script, e.g. {@code lb}
     * @return its result, {@code null} when it has none
     * @throws Exception whatever the script threw, e.g. Gogo's {@code CommandNotFoundException}
     */
    Object execute(String script) throws Exception {
        return invoke(execute, script);
    }

    /**
     * Formats a result the way Gogo's shell prints it ({@code Converter.INSPECT}).
     *
     * @param result a non-null result of {@link #execute(String)}
     * @return its text
     * @throws Exception if a converter failed
     */
    String format(Object result) throws Exception {
        return String.valueOf(invoke(format, result, inspect));
    }

    /**
     * Closes the session and releases the command processor service.
     *
     * @throws IllegalStateException if Gogo failed to close the session
     */
    @Override
    public void close() {
        try {
            invoke(close);
        } catch (Exception e) {
            throw new IllegalStateException("closing the Gogo session failed", e);
        } finally {
            context.ungetService(reference);
        }
    }

    private Object invoke(Method method, Object... args) throws Exception {
        try {
            return method.invoke(session, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }
}

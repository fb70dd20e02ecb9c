package ws2.core.shell;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaException;

/**
 * {@code ws2:echo-server <port>}: serves TCP echo in the background on 127.0.0.1 and ::1 until the
 * runtime stops. A Gogo {@link Function}, because a method cannot be named {@code echo-server}.
 * Immediate: the shell ungets the command after each call, and a delayed component would then be
 * deactivated, stopping its servers. Satisfied only where Gogo runs (the {@code gogo} reference), so
 * a core without a shell never loads this class.
 */
@Component(service = Function.class, immediate = true,
        property = {"osgi.command.scope=ws2", "osgi.command.function=echo-server"},
        reference = @Reference(name = "gogo", service = CommandProcessor.class))
public final class EchoServerCommand implements Function {
    private final WinsockFactory factory;
    private final List<EchoServer> servers = new CopyOnWriteArrayList<>();

    /**
     * Creates the command.
     *
     * @param factory opens the client context each server runs in
     */
    @Activate
    public EchoServerCommand(@Reference WinsockFactory factory) {
        this.factory = factory;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("usage: ws2:echo-server <port>");
        }
        int port = Integer.parseInt(String.valueOf(arguments.get(0)));
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        Winsock ws = factory.open("ws2.echo-server");
        try {
            ws.startup(Winsock.VERSION_2_2);
            EchoServer server = new EchoServer(ws, port);
            servers.add(server);
            return "Echo server listening on " + server.addresses();
        } catch (WsaException e) {
            ws.close();
            throw e;
        }
    }

    /** Stops every server started by the command. */
    @Deactivate
    void stop() {
        for (EchoServer s : servers) {
            s.close();
        }
        servers.clear();
    }
}

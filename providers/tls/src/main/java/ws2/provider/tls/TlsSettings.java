package ws2.provider.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;

import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The TLS settings in force for new sockets, the credentials a Windows TLS LSP would acquire with
 * {@code AcquireCredentialsHandle}: one {@link SSLContext} built from one configuration, the
 * protocol versions to offer, and whether a key store makes server handshakes possible.
 *
 * <p>Immutable; built under ConfigAdmin's thread and read by any socket thread.
 */
final class TlsSettings {
    /** The protocol versions offered when the configuration names none. */
    static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;
    private final String[] protocols;
    private final boolean canServe;
    private final String refusal;

    private TlsSettings(SSLContext context, String[] protocols, boolean canServe, String refusal) {
        this.context = context;
        this.protocols = protocols;
        this.canServe = canServe;
        this.refusal = refusal;
    }

    /**
     * The settings of a layer whose configuration was refused before any was in force: every
     * handshake is refused, so no socket falls back to plaintext (the layer is fail-closed).
     *
     * @param reason why the configuration was refused
     * @return settings that make no engine
     */
    static TlsSettings refusing(String reason) {
        return new TlsSettings(null, new String[0], false, reason);
    }

    /**
     * Builds the settings of one configuration, reading its key and trust stores once.
     *
     * @param keyStore path of the PKCS12 key store for server handshakes, or empty for none
     * @param keyStorePassword its password
     * @param trustStore path of the PKCS12 trust store for client handshakes, or empty for the
     *        JDK's default trust
     * @param trustStorePassword its password
     * @param protocols protocol versions, each value may list several separated by commas; none
     *        means {@link #DEFAULT_PROTOCOLS}
     * @return the settings
     * @throws WsaException {@code WSAEINVAL} naming the store that cannot be read or the protocol
     *         the JDK does not support
     */
    static TlsSettings load(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword,
            String[] protocols) throws WsaException {
        try {
            KeyManager[] keys = null;
            if (!keyStore.isBlank()) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store(keyStore, keyStorePassword, "keyStore"), keyStorePassword.toCharArray());
                keys = kmf.getKeyManagers();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore.isBlank() ? null : store(trustStore, trustStorePassword, "trustStore"));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, tmf.getTrustManagers(), null);
            return new TlsSettings(context, supported(context, protocolList(protocols)), keys != null, null);
        } catch (GeneralSecurityException e) {
            throw new WsaException(WsaError.WSAEINVAL, "ws2 TLS cannot use keyStore '" + keyStore
                    + "' and trustStore '" + trustStore + "': " + e.getMessage(), e);
        }
    }

    /**
     * Splits protocol values on commas, dropping blanks.
     *
     * @param values configured values
     * @return the protocols in order, or {@link #DEFAULT_PROTOCOLS} if there are none
     */
    static List<String> protocolList(String[] values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return out.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(out);
    }

    private static String[] supported(SSLContext context, List<String> protocols) throws WsaException {
        List<String> known = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        for (String p : protocols) {
            if (!known.contains(p)) {
                throw new WsaException(WsaError.WSAEINVAL, "ws2 TLS: protocol '" + p + "' is not one of " + known);
            }
        }
        return protocols.toArray(String[]::new);
    }

    private static KeyStore store(String path, String password, String property)
            throws WsaException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            ks.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new WsaException(WsaError.WSAEINVAL, "ws2 TLS cannot read " + property + " '" + path + "': "
                    + e.getMessage(), e);
        }
        return ks;
    }

    /**
     * Makes the engine of a socket that connected ({@code WSPConnect}). The peer is identified by
     * address, so the certificate is checked against the trust store only, not against a host name.
     *
     * @param peer the address connected to, which also keys session resumption
     * @return an engine in client mode
     * @throws WsaException {@code WSAEACCES} while no configuration is in force
     */
    SSLEngine clientEngine(SockAddr peer) throws WsaException {
        requireUsable();
        SSLEngine engine = context.createSSLEngine(peer.host(), peer.port());
        engine.setUseClientMode(true);
        engine.setEnabledProtocols(protocols);
        return engine;
    }

    /**
     * Makes the engine of an accepted socket ({@code WSPAccept}).
     *
     * @return an engine in server mode
     * @throws WsaException {@code WSAEACCES} when no key store is configured: without a
     *         certificate the layer cannot prove who it is, so it refuses the connection; also
     *         while no configuration is in force
     */
    SSLEngine serverEngine() throws WsaException {
        requireUsable();
        if (!canServe) {
            throw new WsaException(WsaError.WSAEACCES, "ws2 TLS has no key store (set keyStore in configuration "
                    + TlsProvider.PID + "), so it cannot accept TLS connections; the connection was closed");
        }
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(protocols);
        return engine;
    }

    private void requireUsable() throws WsaException {
        if (refusal != null) {
            throw new WsaException(WsaError.WSAEACCES, "ws2 TLS refuses TLS connections until configuration "
                    + TlsProvider.PID + " is fixed: " + refusal);
        }
    }

    /**
     * The protocol versions offered.
     *
     * @return a copy of them, in order
     */
    List<String> protocols() {
        return List.of(protocols);
    }

    /**
     * Whether server handshakes are possible.
     *
     * @return true when a key store is configured
     */
    boolean canServe() {
        return canServe;
    }
}

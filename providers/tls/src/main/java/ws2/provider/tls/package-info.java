/**
 * ws2 TLS: a fail-closed layered service provider ({@code LSP_CRYPTO_COMPRESS}) that makes stream
 * sockets TLS with JSSE's {@link javax.net.ssl.SSLEngine}, key and trust stores from ConfigAdmin.
 *
 * <p>{@link ws2.provider.tls.TlsProvider} is the DS component: it carries the layer's catalog
 * declaration and its configuration, turned into {@link ws2.provider.tls.TlsSettings}, and starts
 * one {@link ws2.provider.tls.TlsDispatch} per client context. Each socket's state is a
 * {@link ws2.provider.tls.TlsSocket}; once connected or accepted it holds a
 * {@link ws2.provider.tls.TlsConnection}, the engine and record buffers over the lower socket's
 * {@link ws2.provider.tls.Wire}.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.tls;

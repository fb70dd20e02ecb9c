package ws2.api;

import java.nio.channels.SelectableChannel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an IFS provider ({@code XP1_IFS_HANDLES}) hands to {@code WPUModifyIFSHandle}: the Java
 * counterpart of an installable-file-system handle, a socket backed by a real JDK channel.
 *
 * <p>Implemented by IFS providers, typically by their per-socket state object; the provider gets it
 * back from {@link SocketHandle#ifsHandle()} on every call.
 */
@ConsumerType
public interface IfsHandle {
    /**
     * Returns the JDK channel that currently carries the socket. It may change during a socket's
     * life: a TCP socket becomes a server channel when it listens, and java.nio closes a channel whose
     * connect failed, so a socket that retries gets a new one. Read it when needed; do not keep it.
     *
     * @return the channel, or {@code null} before the provider opened one
     */
    SelectableChannel channel();
}

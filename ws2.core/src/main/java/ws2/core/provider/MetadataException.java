package ws2.core.provider;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * A provider bundle's metadata is malformed; the bundle's entries are rejected, nothing else
 * changes. Always {@link WsaError#WSAEINVALIDPROVIDER}.
 */
public final class MetadataException extends WsaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the rejection.
     *
     * @param reason what is wrong, naming the clause and the bad value
     */
    public MetadataException(String reason) {
        super(WsaError.WSAEINVALIDPROVIDER, reason);
    }
}

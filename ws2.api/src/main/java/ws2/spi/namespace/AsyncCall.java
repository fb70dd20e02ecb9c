package ws2.spi.namespace;

import org.osgi.annotation.versioning.ProviderType;

import ws2.api.WsaError;

/**
 * The {@code hAsyncCall} of an NSPv2 call: how the provider reports its outcome, the Java form of
 * {@code WSAProviderCompleteAsyncCall}. Completed once; later completions are ignored.
 * Implemented by ws2.core.
 *
 * @param <T> the result type ({@code QuerySet} for NextEx, {@code Void} for SetServiceEx)
 */
@ProviderType
public interface AsyncCall<T> {
    /**
     * Completes the call with a result ({@code iRetCode = NO_ERROR}).
     *
     * @param result the result, null for a call without one
     */
    void complete(T result);

    /**
     * Completes the call with an error code and a sentence.
     *
     * @param error the code ({@code WSA_E_NO_MORE} at the end of a lookup)
     * @param message what happened
     */
    void fail(WsaError error, String message);
}

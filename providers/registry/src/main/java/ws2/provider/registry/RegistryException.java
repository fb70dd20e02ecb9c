package ws2.provider.registry;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * A refused registry call: a {@link WsaException} that also keeps its bare sentence, so that
 * {@code NSPv2SetServiceEx} can hand code and sentence to {@code WSAProviderCompleteAsyncCall}
 * ({@link ws2.spi.namespace.AsyncCall#fail}) without the formatted code prefix.
 */
final class RegistryException extends WsaException {
    private static final long serialVersionUID = 1L;

    private final String sentence;

    /**
     * Creates the refusal.
     *
     * @param error the code
     * @param sentence what was refused and the offending value
     */
    RegistryException(WsaError error, String sentence) {
        super(error, sentence);
        this.sentence = sentence;
    }

    /** @return the sentence, without the code */
    String sentence() {
        return sentence;
    }
}

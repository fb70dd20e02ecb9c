package ws2.api;

/**
 * One direction of a QOS: Winsock's {@code FLOWSPEC}.
 *
 * @param tokenRate bytes per second ({@code TokenRate})
 * @param tokenBucketSize bytes ({@code TokenBucketSize})
 * @param peakBandwidth bytes per second ({@code PeakBandwidth})
 * @param latency microseconds ({@code Latency})
 * @param delayVariation microseconds ({@code DelayVariation})
 * @param serviceType the {@code SERVICETYPE_*} value ({@code ServiceType})
 * @param maxSduSize bytes ({@code MaxSduSize})
 * @param minimumPolicedSize bytes ({@code MinimumPolicedSize})
 */
public record FlowSpec(int tokenRate, int tokenBucketSize, int peakBandwidth, int latency, int delayVariation,
        int serviceType, int maxSduSize, int minimumPolicedSize) {
    /** {@code QOS_NOT_SPECIFIED}: the value of a field left to the provider. */
    public static final int QOS_NOT_SPECIFIED = 0xFFFFFFFF;
    /** {@code SERVICETYPE_BESTEFFORT}. */
    public static final int SERVICETYPE_BESTEFFORT = 0x00000001;
    /** {@code SERVICETYPE_CONTROLLEDLOAD}: close to an unloaded network's service. */
    public static final int SERVICETYPE_CONTROLLEDLOAD = 0x00000002;
    /** {@code SERVICETYPE_GUARANTEED}: bounded delay for the token rate. */
    public static final int SERVICETYPE_GUARANTEED = 0x00000003;
    /** A flow spec that specifies nothing, best effort. */
    public static final FlowSpec BEST_EFFORT = new FlowSpec(QOS_NOT_SPECIFIED, QOS_NOT_SPECIFIED, QOS_NOT_SPECIFIED,
            QOS_NOT_SPECIFIED, QOS_NOT_SPECIFIED, SERVICETYPE_BESTEFFORT, QOS_NOT_SPECIFIED, QOS_NOT_SPECIFIED);
}

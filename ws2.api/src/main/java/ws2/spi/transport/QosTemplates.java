package ws2.spi.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ws2.api.FlowSpec;
import ws2.api.Qos;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The named QOS templates a provider answers {@code WSPGetQOSByName} with: the eight names Windows
 * installs ({@code qosname.h}: G711, G723.1, G729, H263QCIF, H263CIF, H261QCIF, H261CIF,
 * GSM6.10), matched without regard to case.
 *
 * <p>The values are ws2's own, derived from each codec's bit rate: audio in 20 ms packets (30 ms
 * for G.723.1) with 40 bytes of IP, UDP and RTP headers, guaranteed service, a bucket of two
 * packets and a peak of twice the rate; video at its usual conference rate in packets of at most
 * 1,500 bytes, controlled load. Latency and delay variation are left unspecified. They describe a
 * flow; java.nio cannot reserve one, so a provider hands them out for the application to use in
 * {@code WSAConnect}, and no provider of ws2 enforces them.
 */
public final class QosTemplates {
    private static final int HEADERS = 40;
    private static final Map<String, Qos> TEMPLATES = new LinkedHashMap<>();

    static {
        audio("G711", 160, 20);
        audio("G723.1", 24, 30);
        audio("G729", 20, 20);
        video("H263QCIF", 64_000);
        video("H263CIF", 128_000);
        video("H261QCIF", 64_000);
        video("H261CIF", 128_000);
        audio("GSM6.10", 33, 20);
    }

    private QosTemplates() {
    }

    private static void audio(String name, int payload, int periodMillis) {
        int packet = payload + HEADERS;
        int rate = packet * 1000 / periodMillis;
        add(name, new FlowSpec(rate, 2 * packet, 2 * rate, FlowSpec.QOS_NOT_SPECIFIED, FlowSpec.QOS_NOT_SPECIFIED,
                FlowSpec.SERVICETYPE_GUARANTEED, packet, packet));
    }

    private static void video(String name, int bitsPerSecond) {
        int rate = bitsPerSecond / 8;
        add(name, new FlowSpec(rate, 3000, 2 * rate, FlowSpec.QOS_NOT_SPECIFIED, FlowSpec.QOS_NOT_SPECIFIED,
                FlowSpec.SERVICETYPE_CONTROLLEDLOAD, 1500, HEADERS));
    }

    private static void add(String name, FlowSpec flow) {
        TEMPLATES.put(name.toUpperCase(Locale.ROOT), new Qos(flow, flow, null));
    }

    /**
     * {@code WSPGetQOSByName} with a name.
     *
     * @param name the template's name, in any case
     * @return the template: the same flow in both directions
     * @throws WsaException {@code WSAEINVAL} for an empty or unknown name, naming the templates
     */
    public static Qos byName(String name) throws WsaException {
        Qos q = name == null ? null : TEMPLATES.get(name.toUpperCase(Locale.ROOT));
        if (q == null) {
            throw new WsaException(WsaError.WSAEINVAL, "there is no QOS template named '" + name + "'; the templates are "
                    + names());
        }
        return q;
    }

    /**
     * {@code WSPGetQOSByName} with an empty name: the names of the templates.
     *
     * @return the names, in Windows' order
     */
    public static List<String> names() {
        return List.of("G711", "G723.1", "G729", "H263QCIF", "H263CIF", "H261QCIF", "H261CIF", "GSM6.10");
    }
}

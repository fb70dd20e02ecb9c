package ws2.provider.dns;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.RedirectOverflowException;
import org.xbill.DNS.lookup.ServerFailedException;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Maps the failure of a DNS lookup to the code {@code NSPLookupServiceNext} reports, as Windows
 * maps {@code DnsQuery} status to {@code getaddrinfo} errors, with a sentence naming the question,
 * the servers and the response code:
 *
 * <table>
 * <caption>DNS outcome to Winsock code</caption>
 * <tr><th>outcome</th><th>code</th></tr>
 * <tr><td>NXDOMAIN</td><td>{@code WSAHOST_NOT_FOUND}</td></tr>
 * <tr><td>NOERROR without records of the type</td><td>{@code WSANO_DATA}</td></tr>
 * <tr><td>SERVFAIL</td><td>{@code WSATRY_AGAIN} (Windows: {@code DNS_ERROR_RCODE_SERVER_FAILURE})</td></tr>
 * <tr><td>no answer within the attempts</td><td>{@code WSAETIMEDOUT}</td></tr>
 * <tr><td>server unreachable (I/O error, ICMP port unreachable)</td><td>{@code WSATRY_AGAIN}</td></tr>
 * <tr><td>REFUSED, NOTIMP, FORMERR, CNAME loop, malformed answer</td><td>{@code WSANO_RECOVERY}</td></tr>
 * </table>
 */
final class DnsFailure {
    private DnsFailure() {
    }

    /**
     * Tells whether a failure means "the name exists but has no record of that type".
     *
     * @param failure a failure of a lookup, possibly wrapped by a completion stage
     * @return true for NOERROR without data
     */
    static boolean isNoData(Throwable failure) {
        return cause(failure) instanceof NoSuchRRSetException;
    }

    /**
     * Maps a failure.
     *
     * @param failure the failure of {@link Question#ask}, possibly wrapped by a completion stage
     * @param question what was asked
     * @param client whom it was asked
     * @return the exception to throw
     */
    static WsaException of(Throwable failure, Question question, DnsClient client) {
        Throwable t = cause(failure);
        String asked = question.describe() + ": ";
        String from = " from DNS server " + client.servers();
        if (t instanceof WsaException e) {
            return e;
        }
        if (t instanceof NoSuchDomainException e) {
            return new WsaException(WsaError.WSAHOST_NOT_FOUND, asked + subject(e) + " does not exist (NXDOMAIN" + from
                    + ")", e);
        }
        if (t instanceof NoSuchRRSetException e) {
            return new WsaException(WsaError.WSANO_DATA, asked + subject(e) + " has no record of that type (NOERROR"
                    + " without data" + from + ")", e);
        }
        if (t instanceof ServerFailedException e) {
            return new WsaException(WsaError.WSATRY_AGAIN, asked + "SERVFAIL" + from + " for " + subject(e)
                    + (e.getExtendedRcode() == null ? "" : " (" + e.getExtendedRcode().getText() + ")")
                    + "; the server cannot resolve it now", e);
        }
        if (t instanceof RedirectOverflowException e) {
            return new WsaException(WsaError.WSANO_RECOVERY, asked + e.getMessage() + " in the CNAME/DNAME chain" + from,
                    e);
        }
        if (t instanceof LookupFailedException e) {
            return new WsaException(WsaError.WSANO_RECOVERY, asked + e.getMessage() + from, e);
        }
        if (t instanceof SocketTimeoutException e) {
            return new WsaException(WsaError.WSAETIMEDOUT, asked + "no answer" + from + " after " + client.patience(), e);
        }
        if (t instanceof IOException e) {
            return new WsaException(WsaError.WSATRY_AGAIN, asked + "could not reach DNS server " + client.servers()
                    + ": " + e, e);
        }
        return new WsaException(WsaError.WSANO_RECOVERY, asked + "failed" + from + ": " + t, t);
    }

    private static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String subject(LookupFailedException e) {
        return e.getName() == null ? "the name" : e.getName().toString(true) + "/" + Type.string(e.getType());
    }
}

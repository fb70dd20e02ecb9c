package ws2.provider.memory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import ws2.api.AddressFamily;
import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Addresses of the memory provider: {@code sockaddr_un} as Windows lays it out ({@code afunix.h}),
 * a 2-byte little-endian {@code sun_family} of {@code AF_UNIX} followed by {@code sun_path}, a
 * UTF-8 name ended by a NUL byte, in at most 108 bytes. The text form of {@code WSPAddressToString}
 * and {@code WSPStringToAddress} is the name itself.
 *
 * <p>A name is at most 107 bytes, so its NUL always fits. An address whose path is empty names no
 * one: binding to it assigns a unique name, as a port 0 does for TCP.
 */
final class UnixAddress {
    /** Size of {@code sun_path}. */
    static final int PATH_BYTES = 108;
    /** The shortest {@code sockaddr_un}: the family alone ({@code iMinSockAddr}). */
    static final int MIN_LENGTH = 2;
    /** The longest {@code sockaddr_un} ({@code iMaxSockAddr}). */
    static final int MAX_LENGTH = MIN_LENGTH + PATH_BYTES;
    private static final int MAX_NAME_BYTES = PATH_BYTES - 1;

    private UnixAddress() {
    }

    /**
     * Reads the name of an address argument.
     *
     * @param address the argument
     * @param mismatch the code for an address of another family ({@code WSAEFAULT} for bind,
     *        {@code WSAEAFNOSUPPORT} for connect, {@code WSAEINVAL} for {@code WSPAddressToString})
     * @param function the {@code WSP*} function, for the message
     * @return the name, empty for an unnamed address
     * @throws WsaException {@code mismatch} for another family, {@code WSAEFAULT} for a path longer
     *         than 107 bytes, {@code WSAEINVAL} for a path that is not UTF-8
     */
    static String name(SockAddr address, WsaError mismatch, String function) throws WsaException {
        if (address == null || address.family() != AddressFamily.AF_UNIX) {
            throw new WsaException(mismatch, function + " needs an AF_UNIX address, got "
                    + (address == null ? "none" : AddressFamily.name(address.family()) + " address " + address));
        }
        byte[] b = address.bytes();
        int end = MIN_LENGTH;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        if (end - MIN_LENGTH > MAX_NAME_BYTES) {
            throw new WsaException(WsaError.WSAEFAULT, function + ": an AF_UNIX name has at most " + MAX_NAME_BYTES
                    + " bytes and a NUL, got " + (end - MIN_LENGTH) + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, MIN_LENGTH, end - MIN_LENGTH)).toString();
        } catch (CharacterCodingException e) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": the name of " + address + " is not UTF-8", e);
        }
    }

    /**
     * Reads the peer name of a connect: an address of this family that names someone.
     *
     * @param address the argument
     * @param function the {@code WSP*} function, for the message
     * @return the name
     * @throws WsaException {@code WSAEAFNOSUPPORT} for another family, {@code WSAEADDRNOTAVAIL} for
     *         an unnamed address, or as {@link #name}
     */
    static String peer(SockAddr address, String function) throws WsaException {
        String name = name(address, WsaError.WSAEAFNOSUPPORT, function);
        if (name.isEmpty()) {
            throw new WsaException(WsaError.WSAEADDRNOTAVAIL, function + " needs the name of a listening socket, not"
                    + " an unnamed AF_UNIX address");
        }
        return name;
    }

    /**
     * Makes the address of a name.
     *
     * @param name the name
     * @return the {@code sockaddr_un}, {@code 2 + length + 1} bytes long
     * @throws WsaException {@code WSAEINVAL} for a name longer than 107 UTF-8 bytes or holding a NUL
     */
    static SockAddr of(String name) throws WsaException {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_NAME_BYTES || name.indexOf('\0') >= 0) {
            throw new WsaException(WsaError.WSAEINVAL, "'" + name + "' is not an AF_UNIX name: at most "
                    + MAX_NAME_BYTES + " UTF-8 bytes without NUL, got " + utf8.length + " bytes");
        }
        byte[] b = new byte[MIN_LENGTH + utf8.length + 1];
        b[0] = (byte) AddressFamily.AF_UNIX;
        b[1] = (byte) (AddressFamily.AF_UNIX >>> 8);
        System.arraycopy(utf8, 0, b, MIN_LENGTH, utf8.length);
        return SockAddr.raw(AddressFamily.AF_UNIX, b);
    }
}

package ws2.provider.hosts;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parsed lines of a hosts file, the file {@code getaddrinfo} consults before DNS
 * ({@code %SystemRoot%\System32\drivers\etc\hosts}, {@code /etc/hosts}).
 *
 * <p>Each line is {@code address name [alias...]}; {@code #} starts a comment that runs to the end
 * of the line; blank lines are ignored; fields are separated by spaces or tabs. The address is an
 * IPv4 or IPv6 literal ({@link IpLiteral}, never a name lookup) and every name must be a
 * {@linkplain HostName#valid host name}. A line that breaks these rules is skipped whole and its
 * number kept in {@link #malformed()}; the other lines are unaffected.
 *
 * @param lines the well-formed lines, in file order
 * @param malformed the numbers (from 1) of the skipped lines, ascending
 */
record HostsFile(List<Line> lines, List<Integer> malformed) {
    private static final Pattern FIELDS = Pattern.compile("[ \t]+");
    private static final Pattern LINES = Pattern.compile("\r?\n|\r");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * One well-formed line.
     *
     * @param address the address
     * @param names the canonical name, then the aliases, as written
     */
    record Line(InetAddress address, List<String> names) {
        /** Copies the names. */
        Line {
            names = List.copyOf(names);
        }
    }

    /** Copies the lists. */
    HostsFile {
        lines = List.copyOf(lines);
        malformed = List.copyOf(malformed);
    }

    /**
     * Reads and parses a file as UTF-8 (a leading byte order mark is ignored; undecodable bytes
     * make their line malformed, not the file).
     *
     * @param file the hosts file
     * @return its lines
     * @throws IOException if the file cannot be read
     */
    static HostsFile read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return parse(text);
    }

    /**
     * Parses the text of a hosts file.
     *
     * @param text the text
     * @return its lines
     */
    static HostsFile parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        String[] rows = LINES.split(text, -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            int comment = row.indexOf('#');
            String content = (comment < 0 ? row : row.substring(0, comment)).strip();
            if (content.isEmpty()) {
                continue;
            }
            Line line = line(FIELDS.split(content));
            if (line == null) {
                malformed.add(i + 1);
            } else {
                lines.add(line);
            }
        }
        return new HostsFile(lines, malformed);
    }

    private static Line line(String[] fields) {
        InetAddress address = IpLiteral.parse(fields[0]);
        if (address == null || fields.length < 2) {
            return null;
        }
        List<String> names = Arrays.asList(fields).subList(1, fields.length);
        return names.stream().allMatch(HostName::valid) ? new Line(address, names) : null;
    }
}

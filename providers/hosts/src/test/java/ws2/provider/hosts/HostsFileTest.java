package ws2.provider.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsFileTest {
    private static HostsFile.Line line(String address, String... names) {
        return new HostsFile.Line(IpLiteral.parse(address), List.of(names));
    }

    @Test
    void readsAddressNamesAndAliasesSkippingCommentsAndBlankLines() {
        HostsFile file = HostsFile.parse("""
                # a comment line
                127.0.0.1\tlocalhost

                   10.0.0.5   db.example.com db   # the database
                ::1 localhost ip6-localhost
                #10.0.0.6 commented.out
                """);
        assertEquals(List.of(line("127.0.0.1", "localhost"), line("10.0.0.5", "db.example.com", "db"),
                line("::1", "localhost", "ip6-localhost")), file.lines());
        assertEquals(List.of(), file.malformed());
    }

    @Test
    void skipsAndCountsMalformedLinesAndKeepsTheRest() {
        HostsFile file = HostsFile.parse(String.join("\r\n",
                "10.0.0.1 good",
                "10.0.0.300 bad-address",
                "10.0.0.2",
                "not-an-address name",
                "10.0.0.3 ok bad/alias",
                "10.0.0.4 also.good",
                "example.com 10.0.0.5",
                "10.0.0.6 double..dot",
                "10.0.0.7 caf\u00e9"));
        assertEquals(List.of(line("10.0.0.1", "good"), line("10.0.0.4", "also.good")), file.lines());
        assertEquals(List.of(2, 3, 4, 5, 7, 8, 9), file.malformed());
    }

    @Test
    void keepsTheCaseOfNamesAsWritten() {
        assertEquals(List.of(line("10.1.1.1", "Server.Example.COM", "SERVER")),
                HostsFile.parse("10.1.1.1 Server.Example.COM SERVER\n").lines());
    }

    @Test
    void readsAFileWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "\uFEFF10.0.0.1 first\n");
        HostsFile file = HostsFile.read(hosts);
        assertEquals(List.of(line("10.0.0.1", "first")), file.lines());
        assertEquals(List.of(), file.malformed());
    }
}

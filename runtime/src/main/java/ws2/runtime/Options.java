package ws2.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of the launcher.
 *
 * @param help    {@code --help} (or {@code -h}) was given: print usage and do nothing else
 * @param scripts the Gogo scripts given with {@code -c}, in command-line order; empty when none was given
 */
record Options(boolean help, List<String> scripts) {

    Options {
        scripts = List.copyOf(scripts);
    }

    /**
     * Parses the arguments of {@code main}.
     *
     * @param args the command-line arguments
     * @return the options they state
     * @throws UsageException for an unknown option, a stray argument or a {@code -c} without its script
     */
    static Options parse(String... args) throws UsageException {
        boolean help = false;
        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> help = true;
                case "-c", "--command" -> {
                    if (++i == args.length) {
                        throw new UsageException(args[i - 1] + " needs a Gogo script");
                    }
                    scripts.add(args[i]);
                }
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        return new Options(help, scripts);
    }
}

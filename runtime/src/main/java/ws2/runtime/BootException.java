package ws2.runtime;

import java.util.List;

/**
 * The runtime did not start; each problem names the bundle (or step) and the reason.
 */
final class BootException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems one sentence per failed bundle or step, at least one
     */
    BootException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem what failed and why
     */
    BootException(String problem) {
        this(List.of(problem));
    }

    /**
     * @return one sentence per failed bundle or step
     */
    List<String> problems() {
        return problems;
    }
}

package ws2.bench.echo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@link EchoBenchmark} as paired rounds: each round runs one Netty fork and one ws2 fork back to
 * back (Netty first in odd rounds, ws2 first in even ones) and takes the ratio of the two. On a
 * shared 2-core machine whose speed drifts by tens of percent over minutes, the ratio of two forks
 * run a minute apart is far steadier than the ratio of two 5-fork averages run five minutes apart,
 * which is what {@code -f 5} gives (all Netty forks, then all ws2 forks).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar ws2.bench.echo.EchoPairs [rounds]}
 * (default 5, about 45 s a fork). Prints each round and the mean ratio with its 95% confidence
 * interval (Student's t over the rounds).
 */
public final class EchoPairs {
    private EchoPairs() {
    }

    /**
     * Runs the rounds.
     *
     * @param args {@code [rounds]}
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<double[]> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            boolean nettyFirst = r % 2 == 1;
            double first = score(nettyFirst ? "netty" : "ws2");
            double second = score(nettyFirst ? "ws2" : "netty");
            double netty = nettyFirst ? first : second;
            double ws2 = nettyFirst ? second : first;
            results.add(new double[] {netty, ws2});
            System.out.printf(Locale.ROOT, "round %d (%s first): Netty %,.0f msgs/s, ws2 %,.0f msgs/s, ws2/Netty %.3f%n",
                    r, nettyFirst ? "Netty" : "ws2", netty, ws2, ws2 / netty);
        }
        System.out.println();
        System.out.println("round  Netty msgs/s  ws2 msgs/s  ws2/Netty");
        double[] ratios = new double[results.size()];
        for (int i = 0; i < ratios.length; i++) {
            double[] p = results.get(i);
            ratios[i] = p[1] / p[0];
            System.out.printf(Locale.ROOT, "%5d  %12.0f  %10.0f  %9.3f%n", i + 1, p[0], p[1], ratios[i]);
        }
        System.out.println(summary(ratios));
    }

    /** One fork of the echo benchmark for one server; returns its messages per second. */
    private static double score(String server) throws RunnerException {
        Options options = new OptionsBuilder().include(EchoBenchmark.class.getName() + ".echo")
                .param("server", server).forks(1).build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    /**
     * Sums the ratios up: mean, 95% confidence interval of the mean, lowest and highest.
     *
     * @param ratios one ratio per round
     * @return one line
     */
    static String summary(double[] ratios) {
        int n = ratios.length;
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : ratios) {
            mean += r / n;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        if (n < 2) {
            return String.format(Locale.ROOT, "ws2/Netty %.3f (one round: no interval)", mean);
        }
        double squares = 0;
        for (double r : ratios) {
            squares += (r - mean) * (r - mean);
        }
        double halfWidth = new TDistribution(n - 1).inverseCumulativeProbability(0.975)
                * Math.sqrt(squares / (n - 1) / n);
        return String.format(Locale.ROOT, "ws2/Netty over %d rounds: mean %.3f, 95%% CI [%.3f, %.3f], lowest %.3f,"
                + " highest %.3f", n, mean, mean - halfWidth, mean + halfWidth, min, max);
    }
}

package io.junction.bench;

import io.junction.bench.result.Result;

import java.nio.file.Path;

/**
 * The frame every benchmark main runs in: parse the arguments, run the body, turn an exception into a failed
 * result, write the result file, print a one-line verdict and exit non-zero if the run saw any error.
 */
final class Harness {

    /** The part that differs between benchmarks. */
    interface Body {
        void run(BenchArgs args, Result result) throws Exception;
    }

    private Harness() {
    }

    static void run(String[] argv, String benchmark, String title, Body body) {
        BenchArgs args = BenchArgs.parse(argv);
        Result result = new Result(benchmark, title, args.quick());
        try {
            body.run(args, result);
        } catch (Throwable e) {
            e.printStackTrace();
            result.fail(e.toString());
        }
        Path file = result.write(args.resultsDir());
        System.out.printf("%s: %s (%d errors), result in %s%n", benchmark, result.failed() ? "FAILED" : "passed",
                result.errorCount(), file);
        System.out.flush();
        System.exit(result.failed() ? 1 : 0);
    }
}

package io.junction.router;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * Everything logged while it is open, with Junction's loggers at DEBUG: what a test greps for secrets. The test
 * logger (slf4j-simple) writes to whatever {@code System.err} is at the time, which this replaces with a tee; its
 * levels are fixed per logger when created, so they are raised here through its fields (test-only reflection).
 */
public final class CapturedLog implements AutoCloseable {
    /** Every class of the router that logs: their loggers may not exist yet when the capture starts. */
    private static final List<String> LOGGERS = List.of(
            "io.junction.router.frontend.Errors", "io.junction.router.frontend.ClientHandshake",
            "io.junction.router.frontend.Pins", "io.junction.router.frontend.ClientSession",
            "io.junction.router.frontend.QueryKiller", "io.junction.router.backend.StateSync",
            "io.junction.router.backend.BackendConnection", "io.junction.router.tls.ListenerTls");
    private static final int DEBUG = 10;

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Map<Logger, Integer> levels = new HashMap<>();

    public CapturedLog() {
        LOGGERS.forEach(LoggerFactory::getLogger);
        for (Logger logger : junctionLoggers()) {
            levels.put(logger, level(logger));
            setLevel(logger, DEBUG);
        }
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
    }

    /** What was logged so far. */
    public synchronized String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
        levels.forEach(CapturedLog::setLevel);
    }

    @SuppressWarnings("unchecked")
    private static List<Logger> junctionLoggers() {
        try {
            Object factory = LoggerFactory.getILoggerFactory();
            Field map = factory.getClass().getDeclaredField("loggerMap");
            map.setAccessible(true);
            return ((ConcurrentMap<String, Logger>) map.get(factory)).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("io.junction")).map(Map.Entry::getValue).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the test logger is not slf4j-simple", e);
        }
    }

    private static int level(Logger logger) {
        try {
            return levelField(logger).getInt(logger);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setLevel(Logger logger, int level) {
        try {
            levelField(logger).setInt(logger, level);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field levelField(Logger logger) throws NoSuchFieldException {
        Field field = logger.getClass().getDeclaredField("currentLogLevel");
        field.setAccessible(true);
        return field;
    }

    private final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (CapturedLog.this) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (CapturedLog.this) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}

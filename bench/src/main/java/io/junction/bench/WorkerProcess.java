package io.junction.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of this module with the same classpath, talked to one line at a time over its
 * stdin and stdout; its stderr goes to a log file.
 */
final class WorkerProcess implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private WorkerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -Xmx... -cp <this classpath> mainClass args...}. */
    static WorkerProcess start(String name, String heap, Class<?> mainClass, List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            return new WorkerProcess(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + name + " failed", e);
        }
    }

    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not take commands any more", e);
        }
    }

    /** The next line the worker printed; throws when it exits or says nothing within {@code limit}. */
    String receive(Duration limit) throws InterruptedException {
        String line = lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IllegalStateException(name + " said nothing within " + limit);
        }
        if (line.equals(EOF)) {
            throw new IllegalStateException(name + " exited (see its log)");
        }
        return line;
    }

    /** The next line, which must start with {@code word}. */
    String expect(String word, Duration limit) throws InterruptedException {
        String line = receive(limit);
        if (!line.startsWith(word)) {
            throw new IllegalStateException(name + " answered '" + abbreviate(line) + "' (expected: " + word + " ...)");
        }
        return line;
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone; the EOF marker below tells whoever waits
        }
        lines.add(EOF);
    }

    /** Closes the worker's stdin (which tells it to stop), waits up to 60 s for it to exit, then kills it. */
    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // the worker is gone already
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}

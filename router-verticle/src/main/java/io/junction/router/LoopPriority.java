package io.junction.router;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sets the nice value of the calling thread (an event loop), for {@code listener.event_loop_priority}: Linux's
 * setpriority(2) applied to one thread id. Java has no API for it, so this goes through JNA. Threads a loop starts
 * later (Vert.x starts some lazily, from whichever thread first needs them) inherit its value, as Linux does.
 */
final class LoopPriority {
    private static final int PRIO_PROCESS = 0;
    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private LoopPriority() {
    }

    /** The outcome: null when the thread now runs at the nice value, else why not, e.g. {@code Permission denied}. */
    static String apply(int nice) {
        int threadId;
        try {
            threadId = threadId();
        } catch (IOException | RuntimeException e) {
            return "this system has no " + THREAD_SELF + " (" + e.getMessage() + ")";
        }
        try {
            CLibrary.INSTANCE.setpriority(PRIO_PROCESS, threadId, nice);
            return null;
        } catch (LastErrorException e) {
            boolean refused = e.getErrorCode() == EPERM || e.getErrorCode() == EACCES;
            return e.getMessage() + (refused ? " (a negative value needs root or CAP_SYS_NICE)" : "");
        } catch (LinkageError e) {
            return "the C library's setpriority cannot be called here: " + e; // no JNA native for this platform, or no libc
        }
    }

    /** The kernel's id of the calling thread: {@code /proc/thread-self} links to {@code <pid>/task/<tid>}. */
    static int threadId() throws IOException {
        return Integer.parseInt(Files.readSymbolicLink(THREAD_SELF).getFileName().toString());
    }

    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setpriority(int which, int who, int prio) throws LastErrorException;
    }
}

package io.junction.router;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * Trims what Vert.x puts in every connection's pipeline and Junction never uses. Vert.x adds a
 * {@link ChunkedWriteHandler} to each socket it accepts or opens, for {@code sendFile}; Junction sends no files, yet
 * every write and flush went through that handler's queue (about 2% of a busy event loop, on the way to the client
 * and again on the way to the server).
 */
public final class Pipelines {
    private Pipelines() {
    }

    /** Removes the handlers Junction has no use for from a socket's pipeline; call it on the socket's event loop. */
    public static void trim(ChannelPipeline pipeline) {
        ChunkedWriteHandler chunked = pipeline.get(ChunkedWriteHandler.class);
        if (chunked != null) {
            pipeline.remove(chunked);
        }
    }
}

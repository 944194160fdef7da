package io.junction.admin.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/**
 * Request/reply to one node over the event bus, with a deadline. The reply must be a JSON object; a timeout, a
 * missing endpoint or a failure the node reports becomes a failed future whose message says which of them it was.
 */
final class NodeRequests {
    private final EventBus eventBus;
    private final long timeoutMs;

    NodeRequests(EventBus eventBus, long timeoutMs) {
        this.eventBus = eventBus;
        this.timeoutMs = timeoutMs;
    }

    Future<JsonObject> ask(String nodeId, String address, JsonObject request) {
        return eventBus.<Object>request(address, request, new DeliveryOptions().setSendTimeout(timeoutMs))
                .recover(e -> Future.failedFuture(new NodeUnavailableException(nodeId, describe(e))))
                .compose(reply -> reply.body() instanceof JsonObject body
                        ? Future.succeededFuture(body)
                        : Future.failedFuture(new NodeUnavailableException(nodeId,
                                "answered with " + (reply.body() == null ? "nothing" : reply.body().getClass().getSimpleName())
                                        + ", not a JSON object")));
    }

    private String describe(Throwable e) {
        if (e instanceof ReplyException reply) {
            return switch (reply.failureType()) {
                case TIMEOUT -> "no answer within " + timeoutMs + " ms";
                case NO_HANDLERS -> "no endpoint at " + address(reply);
                case RECIPIENT_FAILURE -> "failed: " + reply.getMessage();
                default -> reply.failureType() + ": " + reply.getMessage();
            };
        }
        return e.toString();
    }

    private static String address(ReplyException e) {
        String message = e.getMessage();
        return message == null ? "its address" : message.replaceFirst("^No handlers for address ", "");
    }

    /** A node that could not be asked, or gave no usable answer. */
    static final class NodeUnavailableException extends RuntimeException {
        private final String reason;

        NodeUnavailableException(String nodeId, String reason) {
            super("node " + nodeId + ": " + reason, null, false, false);
            this.reason = reason;
        }

        /** The reason without the node's name. */
        String reason() {
            return reason;
        }
    }
}

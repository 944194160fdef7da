package io.junction.admin.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the API's OpenAPI 3 document, {@code GET /openapi.json}, without authentication: it holds no data, and
 * tools read it before they have credentials. The document is a resource file kept next to this class; a test
 * checks that every route the API registers is described in it.
 */
final class OpenApiResource {
    /** Classpath location of the document. */
    static final String DOCUMENT = "io/junction/admin/api/openapi.json";

    private final Vertx vertx;
    private Future<Buffer> document;

    OpenApiResource(Vertx vertx) {
        this.vertx = vertx;
    }

    void mount(Router api) {
        api.get("/openapi.json").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (document == null || document.failed()) {
            document = vertx.fileSystem().readFile(DOCUMENT);
        }
        document.compose(body -> ctx.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(ctx::fail);
    }
}

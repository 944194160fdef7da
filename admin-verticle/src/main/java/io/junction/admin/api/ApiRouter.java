package io.junction.admin.api;

import io.junction.admin.ClusterView;
import io.junction.config.AdminConfig;
import io.junction.config.store.ConfigStore;
import io.junction.config.store.Section;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Duration;

/**
 * The REST API, mounted under {@code /api/v1}. Order matters: the OpenAPI document answers anyone; everything after
 * it reads the body (at most {@link #BODY_LIMIT} bytes, 413 beyond) and then requires credentials ({@link ApiAuth});
 * failures of any route become the one error shape of {@link ApiErrors}.
 *
 * <p>Resources: {@code /hostgroups}, {@code /servers}, {@code /users}, {@code /query-rules},
 * {@code /replication-hostgroups} ({@link SectionResource}), {@code /variables}, {@code /config},
 * {@code /config/changes}, {@code /config/versions}, {@code /config/diff}, {@code /config/rollback},
 * {@code /cluster/members}, {@code /stats}. The document {@code openapi.json} next to this class describes each.
 */
public final class ApiRouter {
    /** Largest request body accepted: far above any config change, far below what could hurt the node. */
    public static final long BODY_LIMIT = 1024 * 1024;
    /** How long a verified admin password is accepted again without hashing it. */
    public static final Duration REMEMBER_PASSWORDS = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final AdminConfig admin;
    private final ConfigStore store;
    private final ClusterView cluster;
    private final Duration nodeTimeout;

    /** @param nodeTimeout how long a node is given to answer a stats or drain request (about 2 s) */
    public ApiRouter(Vertx vertx, AdminConfig admin, ConfigStore store, ClusterView cluster, Duration nodeTimeout) {
        this.vertx = vertx;
        this.admin = admin;
        this.store = store;
        this.cluster = cluster;
        this.nodeTimeout = nodeTimeout;
    }

    /** A new router of the API, to mount with {@code route("/api/v1/*").subRouter(...)}. */
    public Router create() {
        Router api = Router.router(vertx);
        new OpenApiResource(vertx).mount(api);
        api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        api.route().handler(new ApiAuth(admin, REMEMBER_PASSWORDS, System::nanoTime));
        for (Section section : Section.values()) {
            new SectionResource(section, store).mount(api);
        }
        new VariablesResource(store).mount(api);
        new ConfigResource(store).mount(api);
        new HistoryResource(store).mount(api);
        NodeRequests nodes = new NodeRequests(vertx.eventBus(), nodeTimeout.toMillis());
        new ClusterResource(cluster, nodes).mount(api);
        new StatsResource(cluster, nodes).mount(api);
        api.route().failureHandler(new ApiErrors(BODY_LIMIT)::handle);
        return api;
    }
}

package io.junction.admin.api;

import io.vertx.ext.web.RoutingContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency on the HTTP side. Every GET of config carries {@code ETag: "<version>"}; every write names
 * the version it was made from, primarily as {@code If-Match: "<version>"}, or as a {@code base_version} query
 * parameter for clients that cannot set headers. A write without either is refused with 428, so nobody overwrites a
 * change they never saw by accident.
 */
public final class Versions {
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private Versions() {
    }

    /** The entity tag of a config version: the number, quoted. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The base version the request names, from {@code If-Match} or {@code ?base_version=}.
     *
     * @throws ApiException 428 when neither is given, 400 when one is malformed or they disagree
     */
    public static long baseVersion(RoutingContext ctx) {
        Long fromHeader = fromIfMatch(ctx.request().getHeader("If-Match"));
        Long fromQuery = fromQuery(ctx.queryParams().get("base_version"));
        if (fromHeader != null && fromQuery != null && !fromHeader.equals(fromQuery)) {
            throw ApiException.badRequest("base_version: " + fromQuery + " (expected: the version in If-Match, " + fromHeader + ")");
        }
        if (fromHeader == null && fromQuery == null) {
            throw new ApiException(428, "this change needs the config version it was made from: send If-Match: \"<version>\" "
                    + "with the ETag of a GET (or ?base_version=<version>)");
        }
        return fromHeader != null ? fromHeader : fromQuery;
    }

    /**
     * The version in {@code If-Match} when present (for bodies that carry their own {@code base_version}), or null.
     *
     * @throws ApiException 400 when it is malformed
     */
    public static Long ifMatch(RoutingContext ctx) {
        return fromIfMatch(ctx.request().getHeader("If-Match"));
    }

    private static Long fromIfMatch(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = ENTITY_TAG.matcher(header.strip());
        if (!m.matches()) {
            throw ApiException.badRequest("If-Match: " + header + " (expected: one config version as an entity tag, e.g. \"12\")");
        }
        return Long.parseLong(m.group(1));
    }

    private static Long fromQuery(String value) {
        if (value == null) {
            return null;
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("base_version: " + value + " (expected: a config version >= 1)");
    }
}

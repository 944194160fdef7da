package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static io.junction.config.store.StoreFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.junction.config.ConfigLoader;
import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.store.ChangeOp.Delete;
import io.junction.config.store.ChangeOp.Put;
import io.junction.config.store.ChangeOp.SetVariable;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeApplierTest {

    private static JunctionConfig apply(ChangeOp... ops) {
        return ChangeApplier.apply(BASE, List.of(ops));
    }

    private static List<String> problems(JunctionConfig base, ChangeOp... ops) {
        try {
            ChangeApplier.apply(base, List.of(ops));
        } catch (InvalidChangeException e) {
            return e.problems();
        }
        throw new AssertionError("expected the change to be refused");
    }

    private static List<String> problems(ChangeOp... ops) {
        return problems(BASE, ops);
    }

    private static List<String> addresses(JunctionConfig config) {
        return config.servers().stream().map(s -> s.address() + "@" + s.hostgroup()).toList();
    }

    @Test
    void aPutOfANewServerAppendsItAndTheVersionMovesOn() {
        JunctionConfig next = apply(new Put(Section.SERVERS, server("10.0.0.4", 1)));

        assertThat(next.version()).isEqualTo(2);
        assertThat(addresses(next)).containsExactly("10.0.0.1:3306@0", "10.0.0.2:3306@1", "10.0.0.3:3306@1",
                "10.0.0.4:3306@1");
        assertThat(next.users()).isEqualTo(BASE.users());
        assertThat(BASE.servers()).hasSize(3);
    }

    @Test
    void aPutOfAnExistingKeyReplacesTheItemInPlace() {
        JunctionConfig next = apply(new Put(Section.SERVERS, server("10.0.0.2", 1).put("weight", 5)),
                new Put(Section.HOSTGROUPS, new JsonObject().put("id", 1).put("name", "replicas")));

        assertThat(addresses(next)).containsExactly("10.0.0.1:3306@0", "10.0.0.2:3306@1", "10.0.0.3:3306@1");
        assertThat(next.servers().get(1).weight()).isEqualTo(5);
        assertThat(next.hostgroups().get(1).name()).isEqualTo("replicas");
    }

    @Test
    void aPutMovesAServerToAnotherHostgroupAndNeverDuplicatesIt() {
        JunctionConfig next = apply(new Put(Section.SERVERS, server("10.0.0.3", 0)),
                new Put(Section.SERVERS, server("10.0.0.3", 0).put("weight", 2)));

        assertThat(addresses(next)).containsExactly("10.0.0.1:3306@0", "10.0.0.2:3306@1", "10.0.0.3:3306@0");
        assertThat(next.servers().get(2).weight()).isEqualTo(2);
    }

    @Test
    void aDeleteRemovesTheItemOfThatKey() {
        JunctionConfig next = apply(new Delete(Section.SERVERS, "10.0.0.3:3306"),
                new Delete(Section.QUERY_RULES, "10"));

        assertThat(addresses(next)).containsExactly("10.0.0.1:3306@0", "10.0.0.2:3306@1");
        assertThat(next.queryRules()).isEmpty();
    }

    @Test
    void variablesOfLimitsTimeoutsAndMonitorCanBeSet() {
        JunctionConfig next = apply(new SetVariable("limits.max_client_connections", 500),
                new SetVariable("timeouts.connect_ms", 2000L), new SetVariable("monitor.user", "probe"));

        assertThat(next.limits().maxClientConnections()).isEqualTo(500);
        assertThat(next.limits().maxPacketSize()).isEqualTo(BASE.limits().maxPacketSize());
        assertThat(next.timeouts().connectMs()).isEqualTo(2000);
        assertThat(next.monitor().user()).isEqualTo("probe");
    }

    @Test
    void badOperationsAreAllNamed() {
        assertThat(problems(
                new Delete(Section.SERVERS, "10.0.0.5:3306"),
                new Put(Section.USERS, new JsonObject().put("password", "x")),
                new SetVariable("limits.max_foo", 1),
                new SetVariable("listener.port", 1),
                new SetVariable("timeouts.connect_ms", null),
                new SetVariable("monitor.user", new JsonObject())))
                .containsExactly(
                        "servers: no item 10.0.0.5:3306",
                        "users: an item without name (expected: an item with its key fields)",
                        "limits.max_foo: unknown variable (expected: one of limits.max_client_connections,"
                                + " limits.max_packet_size, limits.local_infile, limits.max_retries)",
                        "listener.port: not a shared variable (expected: section.key with a section of limits,"
                                + " timeouts, monitor, e.g. limits.max_client_connections)",
                        "timeouts.connect_ms: null (expected: a number, string or boolean)",
                        "monitor.user: a JsonObject (expected: a number, string or boolean)");
    }

    @Test
    void anEmptyChangesetIsRefused() {
        assertThat(problems()).containsExactly("ops: none (expected: at least one change)");
    }

    @Test
    void theResultIsReadLikeAFileAndEveryProblemNamesItsField() {
        assertThat(problems(
                new Put(Section.SERVERS, server("10.0.0.4", 7).put("hostt", "x")),
                new Put(Section.QUERY_RULES, new JsonObject().put("id", 11).put("match_pattern", "(")),
                new SetVariable("limits.max_retries", "three")))
                .containsExactly(
                        "servers[3].hostt: unknown key (expected: one of host, port, hostgroup, weight,"
                                + " max_connections, status, max_replication_lag, max_latency_ms, tls, tls_ca)",
                        "limits.max_retries: \"three\" (expected: an integer)");
        assertThat(problems(
                new Put(Section.SERVERS, server("10.0.0.4", 7)),
                new Put(Section.QUERY_RULES, new JsonObject().put("id", 11).put("match_pattern", "(")),
                new SetVariable("limits.max_retries", 99)))
                .containsExactly(
                        "servers[3].hostgroup: 7 (expected: one of the hostgroup ids [0, 1])",
                        "limits.max_retries: 99 (expected: 0..10)",
                        "query_rules[1].match_pattern: \"(\" (expected: a valid regular expression:"
                                + " Unclosed group)");
    }

    @Test
    void unknownHostgroupsInRulesAndPairsAreRefused() {
        assertThat(problems(
                new Put(Section.QUERY_RULES, new JsonObject().put("id", 11).put("destination_hostgroup", 9)),
                new Put(Section.REPLICATION_HOSTGROUPS,
                        new JsonObject().put("writer_hostgroup", 0).put("reader_hostgroup", 5))))
                .containsExactly(
                        "query_rules[1].destination_hostgroup: 9 (expected: one of the hostgroup ids [0, 1])",
                        "replication_hostgroups[0].reader_hostgroup: 5 (expected: one of the hostgroup ids [0, 1])");
    }

    @Test
    void deletingAHostgroupThatServersStillUseIsRefused() {
        assertThat(problems(new Delete(Section.HOSTGROUPS, "1"))).containsExactly(
                "servers[1].hostgroup: 1 (expected: one of the hostgroup ids [0])",
                "servers[2].hostgroup: 1 (expected: one of the hostgroup ids [0])",
                "query_rules[0].destination_hostgroup: 1 (expected: one of the hostgroup ids [0])");
    }

    @Test
    void emptyingAHostgroupThatARuleRoutesToIsRefused() {
        assertThat(problems(new Delete(Section.SERVERS, "10.0.0.2:3306"), new Delete(Section.SERVERS, "10.0.0.3:3306")))
                .containsExactly("servers: hostgroup 1 (readers) would have no servers, but query rule 10 routes to it");
    }

    @Test
    void emptyingTheHostgroupOfAUserNamesTheUser() {
        assertThat(problems(new Put(Section.SERVERS, server("10.0.0.1", 1)))).containsExactly(
                "users[0].default_hostgroup: 0 (expected: a hostgroup with at least one server)",
                "servers: hostgroup 0 (writer) would have no servers, but user \"app\" routes to it");
        JunctionConfig twoUsers = ChangeApplier.apply(BASE, List.of(new Put(Section.USERS,
                new JsonObject().put("name", "etl").put("password", "x").put("default_hostgroup", 1))));
        assertThat(problems(twoUsers, new Delete(Section.SERVERS, "10.0.0.2:3306"),
                new Delete(Section.SERVERS, "10.0.0.3:3306")))
                .containsExactly("users[1].default_hostgroup: 1 (expected: a hostgroup with at least one server)",
                        "servers: hostgroup 1 (readers) would have no servers, but user \"etl\", query rule 10"
                                + " route to it");
    }

    @Test
    void aReplicationPairServesBothOfItsHostgroups() {
        JunctionConfig paired = apply(new Put(Section.REPLICATION_HOSTGROUPS,
                new JsonObject().put("writer_hostgroup", 0).put("reader_hostgroup", 1)));

        JunctionConfig next = ChangeApplier.apply(paired, List.of(new Delete(Section.SERVERS, "10.0.0.2:3306"),
                new Delete(Section.SERVERS, "10.0.0.3:3306")));

        assertThat(next.serversIn(1)).isEmpty();
        assertThat(problems(next, new Delete(Section.SERVERS, "10.0.0.1:3306"))).contains(
                "servers: hostgroup 0 (writer) would have no servers, but user \"app\", replication pair 0/1"
                        + " route to it",
                "servers: hostgroup 1 (readers) would have no servers, but query rule 10, replication pair 0/1"
                        + " route to it");
    }

    @Test
    void aNewRouteToAHostgroupWithoutServersIsRefused() {
        assertThat(problems(new Put(Section.HOSTGROUPS, new JsonObject().put("id", 2).put("name", "reports")),
                new Put(Section.QUERY_RULES, new JsonObject().put("id", 20).put("destination_hostgroup", 2))))
                .containsExactly("servers: hostgroup 2 (reports) would have no servers, but query rule 20 routes to it");
    }

    @Test
    void aRouteThatWasAlreadyEmptyDoesNotBlockOtherChanges() {
        JunctionConfig emptyRoute = ConfigLoader.parse("""
                hostgroups: [{id: 0, name: writer}, {id: 2, name: reports}]
                servers: [{host: 10.0.0.1, hostgroup: 0}]
                query_rules: [{id: 20, destination_hostgroup: 2}]
                """);

        JunctionConfig next = ChangeApplier.apply(emptyRoute, List.of(
                new Put(Section.HOSTGROUPS, new JsonObject().put("id", 2).put("name", "reporting")),
                new SetVariable("limits.max_retries", 2)));

        assertThat(next.limits().maxRetries()).isEqualTo(2);
        assertThat(next.serversIn(2)).isEmpty();
    }

    @Test
    void aServerWithoutAPortIsKeyedByTheDefaultPort() {
        JunctionConfig next = apply(new Put(Section.SERVERS,
                new JsonObject().put("host", "10.0.0.2").put("hostgroup", 1).put("weight", 3)));

        assertThat(next.servers()).hasSize(3);
        assertThat(next.servers().get(1)).isEqualTo(new ServerConfig("10.0.0.2", 3306, 1, 3, 100,
                BASE.servers().get(1).status()));
    }
}

package io.junction.bench.measure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts, on MariaDB itself, the connections a user holds ({@code information_schema.PROCESSLIST}). */
public final class ServerConnections implements AutoCloseable {
    private final Connection root;
    private final PreparedStatement count;

    /** Logs in as root straight to MariaDB (never through Junction). */
    public ServerConnections(int port, String rootPassword, String user) {
        try {
            root = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", rootPassword);
            count = root.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?");
            count.setString(1, user);
        } catch (SQLException e) {
            throw new IllegalStateException("logging in to MariaDB as root failed", e);
        }
    }

    public int count() {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting connections in PROCESSLIST failed", e);
        }
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            // closing at the end of a run: nothing left to do with it
        }
    }
}

package dev.syncline.commons.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC on the test run's own database, for arranging state and reading what the service wrote. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + e.getMessage(), e);
        }
    }

    public static long queryLong(String sql) {
        return queryOne(sql, rows -> rows.getLong(1));
    }

    public static String queryString(String sql) {
        return queryOne(sql, rows -> rows.getString(1));
    }

    interface Column<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T queryOne(String sql, Column<T> column) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return column.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        return DriverManager.getConnection(url, user, password);
    }
}

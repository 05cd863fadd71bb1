package dev.syncline.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates an empty database on the local PostgreSQL (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD) for
 * one test run, points the service at it and drops it afterwards, so runs never see each other's data.
 */
public class FreshDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private String host;
    private String port;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        host = env("DB_HOST", "localhost");
        port = env("DB_PORT", "5432");
        user = env("DB_USER", "postgres");
        password = env("DB_PASSWORD", "");
        database = "syncline_test_" + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
        execute("create database " + database + " encoding 'UTF8' template template0");
        String location = host + ":" + port + "/" + database;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + location,
                "quarkus.datasource.reactive.url", "postgresql://" + location);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private void execute(String sql) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password.isEmpty() ? null : password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

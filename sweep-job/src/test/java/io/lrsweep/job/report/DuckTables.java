package io.lrsweep.job.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the report's Parquet tables with DuckDB, an engine that shares no code with Spark. */
final class DuckTables implements AutoCloseable {
    private final Connection connection;

    DuckTables() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    static String parquet(Path dir) {
        return "read_parquet('" + dir.toAbsolutePath().toString().replace("'", "''") + "/*.parquet')";
    }

    long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    List<String> columns(Path dir) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + parquet(dir))) {
            while (r.next()) {
                cols.add(r.getString("column_name"));
            }
        }
        return cols;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

package io.lrsweep.job.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The query's rows, column name to value (DuckDB's own types). */
    List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData m = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    row.put(m.getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

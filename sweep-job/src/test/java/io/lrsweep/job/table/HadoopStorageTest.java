package io.lrsweep.job.table;

import io.lrsweep.job.run.TrialRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path for directories on a cluster's file system (HDFS, S3A, ...), exercised through Hadoop's
 * own local file system, against the java.nio path a local report takes: the same rows read, a
 * table written without a checksum file beside it, files replaced in one piece.
 */
class HadoopStorageTest {

    @Test
    void hadoopAndLocalReadTheSameRows() {
        java.nio.file.Path fixture = Fixtures.dir("fixture-optimizers");
        SweepDirectory local = SweepDirectory.open(fixture.toString());
        SweepDirectory hadoop = new SweepDirectory(new HadoopStorage(new Configuration(), new Path(fixture.toUri())));
        assertEquals(TrialsTable.read(local), TrialsTable.read(hadoop));
        List<CurvePoint> a = new ArrayList<>();
        List<CurvePoint> b = new ArrayList<>();
        CurvesTable.read(local, a::add);
        CurvesTable.read(hadoop, b::add);
        assertTrue(a.size() > 1000);
        assertEquals(a, b);
        assertEquals(local.readText("sweep.json"), hadoop.readText("sweep.json"));
    }

    @Test
    void hadoopWritesInOnePieceWithoutChecksums(@TempDir java.nio.file.Path tmp) throws Exception {
        SweepDirectory hadoop = new SweepDirectory(new HadoopStorage(new Configuration(), new Path(tmp.toUri())));
        TableSchema schema = TableSchema.builder("t").string("x").build();
        hadoop.replaceTable("t", ParquetTableWriter.write(schema, List.of(schema.row().set("x", "a"))));
        hadoop.write("report/index.html", "<p>hi</p>".getBytes());
        hadoop.write("report/index.html", "<p>again</p>".getBytes());
        try (var files = Files.walk(tmp)) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> tmp.relativize(f).toString()).sorted().toList();
            assertEquals(List.of("report/index.html", "t/part-00000-lrsweep.parquet"), names);
        }
        assertEquals("<p>again</p>", hadoop.readText("report/index.html"));
        List<TrialRow> none = TrialsTable.read(hadoop);
        assertEquals(List.of(), none, "no trials/ table: no rows");
        hadoop.delete("report");
        assertTrue(!Files.exists(tmp.resolve("report")));
    }
}

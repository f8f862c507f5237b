package io.lrsweep.job.data;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;
import io.lrsweep.job.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading real files through Spark: the layouts that work, and what each one yields. */
class DataLoaderTest {

    @TempDir
    Path dir;

    private static SparkSession spark() {
        return SharedSpark.session();
    }

    static FileDatasetSpec csv(Path file, ColumnRef label, ColumnRef... features) {
        return new FileDatasetSpec("csv", file.toString(), label, List.of(features), 0.5, false);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void csvByNameTakesTheListedFeaturesInOrderAndSortsTextLabels() throws IOException {
        Path file = write("named.csv", "a,b,kind\n1.5,-2,dog\n0.25,3e2,cat\n-1,0,dog\n");
        Dataset d = DataLoader.load(spark(), csv(file, ColumnRef.named("kind"), ColumnRef.named("b"), ColumnRef.named("a")));
        assertEquals(3, d.rows());
        assertEquals(2, d.featureCount());
        assertEquals(2, d.classCount());
        assertArrayEquals(new double[] {-2, 1.5, 300, 0.25, 0, -1}, d.features());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels(), "cat < dog");
    }

    @Test
    void csvByPositionWithoutFeaturesTakesEveryOtherColumnAndSortsNumericLabels() throws IOException {
        Path file = write("positions.csv", "y,x0,x1\n10,1,2\n9,3,4\n2.0,5,6\n10.0,7,8\n");
        Dataset d = DataLoader.load(spark(), csv(file, ColumnRef.at(0)));
        assertEquals(2, d.featureCount());
        assertEquals(3, d.classCount());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, d.features());
        assertArrayEquals(new int[] {2, 1, 0, 2}, d.labels(), "numeric order 2 < 9 < 10, and 10 == 10.0");
    }

    @Test
    void csvWithByteOrderMarkQuotesAndBlankLines() throws IOException {
        Path file = write("excel.csv", "\uFEFFx0,\"x 1\",label\n\"1.5\",2,a\n\n 3 ,4,b\n");
        Dataset d = DataLoader.load(spark(), csv(file, ColumnRef.named("label"), ColumnRef.named("x0"), ColumnRef.named("x 1")));
        assertArrayEquals(new double[] {1.5, 2, 3, 4}, d.features());
        assertArrayEquals(new int[] {0, 1}, d.labels());
    }

    @Test
    void blobsCsvReadsBackToTheGeneratedBits() throws IOException {
        BlobsSpec spec = new BlobsSpec(300, 3, 4, 1.5, 7, true, 0.5, false);
        Dataset blobs = Blobs.generate(spec);
        Path file = dir.resolve("blobs.csv");
        Blobs.toCsv(blobs, file);
        Dataset read = DataLoader.load(spark(), csv(file, ColumnRef.named("label")));
        assertArrayEquals(blobs.features(), read.features());
        assertArrayEquals(blobs.labels(), read.labels());
        assertEquals(blobs.classCount(), read.classCount());
    }

    @Test
    void parquetWrittenBySparkInPartsOfDifferentSizesKeepsRowOrder() {
        // Two part files, the second much larger: Spark reads larger splits first, the loader must not.
        var ids = spark().range(0, 10, 1, 1).union(spark().range(10, 200, 1, 1));
        var frame = ids.select(
                col("id").multiply(0.5).as("x0"),
                col("id").cast("int").as("x1"),
                when(col("id").mod(3).equalTo(0), lit("c")).otherwise(lit("a")).as("label"));
        String out = dir.resolve("table.parquet").toString();
        frame.write().parquet(out);
        Dataset d = DataLoader.load(spark(), new FileDatasetSpec("parquet", out, ColumnRef.named("label"), List.of(), 0.5, false));
        assertEquals(200, d.rows());
        assertEquals(2, d.classCount());
        for (int i = 0; i < 200; i++) {
            assertEquals(i * 0.5, d.feature(i, 0), "row " + i);
            assertEquals(i, d.feature(i, 1), "row " + i);
            assertEquals(i % 3 == 0 ? 1 : 0, d.labels()[i], "row " + i);
        }
    }

    @Test
    void parquetWithNumericLabelByPosition() {
        List<Row> rows = List.of(
                org.apache.spark.sql.RowFactory.create(3L, 1.0f),
                org.apache.spark.sql.RowFactory.create(1L, 2.0f),
                org.apache.spark.sql.RowFactory.create(3L, 3.0f));
        var schema = org.apache.spark.sql.types.DataTypes.createStructType(List.of(
                org.apache.spark.sql.types.DataTypes.createStructField("y", org.apache.spark.sql.types.DataTypes.LongType, false),
                org.apache.spark.sql.types.DataTypes.createStructField("f", org.apache.spark.sql.types.DataTypes.FloatType, false)));
        String out = dir.resolve("small.parquet").toString();
        spark().createDataFrame(rows, schema).coalesce(1).write().parquet(out);
        Dataset d = DataLoader.load(spark(), new FileDatasetSpec("parquet", out, ColumnRef.at(0), List.of(ColumnRef.at(1)), 0.5, false));
        assertArrayEquals(new double[] {1, 2, 3}, d.features());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
    }

    @Test
    void libsvmFillsAbsentIndicesWithZeros() throws IOException {
        Path file = write("data.libsvm", "1 1:0.5 3:2.0\n# a comment\n0 2:1.5\n\n2 1:-1 2:-2 3:-3\n");
        Dataset d = DataLoader.load(spark(), new FileDatasetSpec("libsvm", file.toString(), null, List.of(), 0.5, false));
        assertEquals(3, d.rows());
        assertEquals(3, d.featureCount());
        assertEquals(3, d.classCount());
        assertArrayEquals(new double[] {0.5, 0, 2, 0, 1.5, 0, -1, -2, -3}, d.features());
        assertArrayEquals(new int[] {1, 0, 2}, d.labels());
    }

    @Test
    void blobsNeedNoFiles() {
        BlobsSpec spec = BlobsSpec.reference();
        Dataset d = DataLoader.load(spark(), spec);
        assertArrayEquals(Blobs.generate(spec).features(), d.features());
    }
}

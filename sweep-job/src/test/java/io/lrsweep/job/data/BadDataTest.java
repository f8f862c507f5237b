package io.lrsweep.job.data;

import io.lrsweep.core.data.FileDatasetSpec;
import io.lrsweep.core.data.FileDatasetSpec.ColumnRef;
import io.lrsweep.job.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of unusable data file fails with a message naming the file, and the row and column where there is one. */
class BadDataTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String failure(FileDatasetSpec spec) {
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(SharedSpark.session(), spec));
        return e.getMessage();
    }

    private static String csvFailure(Path file, ColumnRef label, ColumnRef... features) {
        return failure(DataLoaderTest.csv(file, label, features));
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nowhere.csv");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "does not exist");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.csv", "");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "is empty");
    }

    @Test
    void headerWithoutRows() throws IOException {
        Path file = write("header.csv", "x,label\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "no data rows");
    }

    @Test
    void raggedRowIsReportedWithItsRow() throws IOException {
        Path file = write("ragged.csv", "x0,x1,label\n1,2,0\n3,1\n5,6,1\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "row 2", "2 values", "3 columns");
    }

    @Test
    void rowWithTooManyValues() throws IOException {
        Path file = write("wide.csv", "x0,x1,label\n1,2,0\n3,4,1\n5,6,1,9\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "row 3", "4 values");
    }

    @Test
    void nonNumericValueIsReportedWithRowAndColumn() throws IOException {
        Path file = write("text.csv", "x0,x1,label\n1,2,0\n3,4,1\n5,abc,1\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "row 3", "'x1' (#1)", "'abc' is not a number");
    }

    @Test
    void emptyValue() throws IOException {
        Path file = write("hole.csv", "x0,x1,label\n1,,0\n3,4,1\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), "row 1", "'x1' (#1)", "missing or empty value");
    }

    @Test
    void nanValue() throws IOException {
        Path file = write("nan.csv", "x0,x1,label\n1,2,0\nNaN,4,1\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), "row 2", "'x0' (#0)", "NaN");
    }

    @Test
    void missingLabel() throws IOException {
        Path file = write("nolabel.csv", "x0,label\n1,0\n2,\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), "row 2", "'label' (#1)", "missing or empty label");
    }

    @Test
    void oneClass() throws IOException {
        Path file = write("one.csv", "x0,label\n1,7\n2,7\n3,7.0\n");
        assertMentions(csvFailure(file, ColumnRef.named("label")), file.toString(), "'label' (#1)", "at least 2 classes");
    }

    @Test
    void unknownColumnListsTheColumns() throws IOException {
        Path file = write("cols.csv", "x0,x1,label\n1,2,0\n3,4,1\n");
        assertMentions(csvFailure(file, ColumnRef.named("class")), file.toString(), "no column 'class'", "'x0', 'x1', 'label'");
        assertMentions(csvFailure(file, ColumnRef.named("label"), ColumnRef.named("x2")), "dataset.features[0]", "no column 'x2'");
    }

    @Test
    void positionOutOfRange() throws IOException {
        Path file = write("pos.csv", "x0,x1,label\n1,2,0\n3,4,1\n");
        assertMentions(csvFailure(file, ColumnRef.at(3)), "column position 3 is out of range", "3 columns");
    }

    @Test
    void featureThatIsTheLabel() throws IOException {
        Path file = write("same.csv", "x0,x1,label\n1,2,0\n3,4,1\n");
        assertMentions(csvFailure(file, ColumnRef.named("label"), ColumnRef.at(2)), "dataset.features[0]", "is the label column");
    }

    @Test
    void parquetTextFeatureIsRefusedByType() {
        var frame = SharedSpark.session().sql("select 'a' as s, 1 as label union all select 'b', 2");
        String out = dir.resolve("typed.parquet").toString();
        frame.coalesce(1).write().parquet(out);
        String m = failure(new FileDatasetSpec("parquet", out, ColumnRef.named("label"), List.of(), 0.5, false));
        assertMentions(m, "'s' (#0)", "type string", "must be numeric");
    }

    @Test
    void parquetNullIsReportedWithRowAndColumn() {
        var frame = SharedSpark.session().sql(
                "select * from values (1.0D, 0), (cast(null as double), 1), (3.0D, 1) as t(x, label)");
        String out = dir.resolve("nulls.parquet").toString();
        frame.coalesce(1).write().parquet(out);
        String m = failure(new FileDatasetSpec("parquet", out, ColumnRef.named("label"), List.of(), 0.5, false));
        assertMentions(m, "row 2", "'x' (#0)", "missing or empty value");
    }

    @Test
    void notParquet() throws IOException {
        Path file = write("fake.parquet", "x,label\n1,0\n");
        assertMentions(failure(new FileDatasetSpec("parquet", file.toString(), ColumnRef.named("label"), List.of(), 0.5, false)),
                file.toString(), "is not a Parquet file");
    }

    @Test
    void badLibsvmLineIsReportedWithItsLine() throws IOException {
        Path file = write("bad.libsvm", "1 1:0.5 3:2.0\n0 2:x\n");
        assertMentions(failure(new FileDatasetSpec("libsvm", file.toString(), null, List.of(), 0.5, false)),
                file.toString(), "line 2", "'2:x' is not index:value");
    }

    @Test
    void libsvmIndicesOutOfOrder() throws IOException {
        Path file = write("order.libsvm", "1 1:0.5 3:2.0\n\n0 3:1 2:1\n");
        assertMentions(failure(new FileDatasetSpec("libsvm", file.toString(), null, List.of(), 0.5, false)),
                "line 3", "index 2");
    }
}

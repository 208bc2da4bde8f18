package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.project.DatasetKind;

/** The {@code sequence} dataset kind: a numeric series from a CSV file, as windows to forecast from or as rows. */
class SeriesDatasetTest {
    @TempDir
    Path dir;

    private Path series(int n) throws Exception {
        StringBuilder b = new StringBuilder("date,value\n");
        for (int i = 0; i < n; i++) b.append("2026-01-").append(i + 1).append(',').append(10 + i).append('\n');
        return Files.writeString(dir.resolve("series.csv"), b.toString());
    }

    @Test
    void a_column_is_cut_into_windows_that_forecast_what_follows_split_in_time_order() throws Exception {
        series(100);
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.SEQUENCE, "path", "series.csv",
                "window", 10, "horizon", 2, "validationSplit", 0.1, "testSplit", 0.2));
        assertEquals(TensorShape.sequence(10, 1), d.featureShape());
        assertEquals(2, d.targetCount());
        assertEquals(89, d.train().size() + d.validation().size() + d.test().size());
        // the test windows come after every training window: the model is tested on the series' future
        int lastTrain = d.train().sourceIndex(d.train().size() - 1);
        assertEquals(d.train().size() - 1, lastTrain);
        assertTrue(d.test().sourceIndex(0) > d.validation().sourceIndex(d.validation().size() - 1));
        float[] raw = new float[10];
        d.test().rawFeatures(0, raw, 0);
        int start = d.test().sourceIndex(0);
        assertEquals(10 + start, raw[0]);
        assertArrayEquals(new float[]{10 + start + 10, 10 + start + 11}, d.test().target(0));
        // standardised as one quantity, on the training windows only
        float[] seen = new float[10];
        double sum = 0;
        for (int i = 0; i < d.train().size(); i++) {
            d.train().features(i, seen, 0);
            for (float v : seen) sum += v;
        }
        assertEquals(0, sum / (10.0 * d.train().size()), 1e-3);
    }

    @Test
    void each_row_can_be_a_series_with_its_class() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "t1,t2,t3,t4,label\n1,2,3,4,up\n4,3,2,1,down\n1,3,5,7,up\n"
                + "9,5,3,1,down\n2,3,4,5,up\n5,4,3,2,down\n");
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.SEQUENCE, "path", "rows.csv",
                "layout", "rows", "testSplit", 0.0, "validationSplit", 0.0));
        assertEquals(TensorShape.sequence(4, 1), d.featureShape());
        assertEquals(List.of("up", "down"), d.classNames());
    }

    @Test
    void a_bad_series_is_refused_naming_the_file_line_and_value() throws Exception {
        series(5);
        var shortOne = assertThrows(DatasetException.class, () -> DatasetLoader.load(DatasetTestSupport.project(dir,
                DatasetKind.SEQUENCE, "path", "series.csv", "window", 10)));
        assertEquals("dataset.series.short", shortOne.text().code());
        var noColumn = assertThrows(DatasetException.class, () -> DatasetLoader.load(DatasetTestSupport.project(dir,
                DatasetKind.SEQUENCE, "path", "series.csv", "column", "price")));
        assertEquals("dataset.series.noColumn", noColumn.text().code());
        assertEquals(List.of("date", "value"), DataProbe.probe(DatasetTestSupport.project(dir, DatasetKind.SEQUENCE,
                "path", "series.csv", "column", "price")).columns());
        Files.writeString(dir.resolve("series.csv"), "date,value\nmon,1\ntue,two\n");
        var notNumber = assertThrows(DatasetException.class, () -> DatasetLoader.load(DatasetTestSupport.project(dir,
                DatasetKind.SEQUENCE, "path", "series.csv", "window", 2)));
        assertEquals("dataset.csv.notNumber", notNumber.text().code());
        assertTrue(notNumber.getMessage().contains("line 3"), notNumber.getMessage());
    }
}

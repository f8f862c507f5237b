package io.lrsweep.job.run;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrialRowTest {

    @Test
    void aRowReadsBackByColumnNameToTheSameValue() {
        TrialRow t = new TrialRow("s", "id", "adam", 0.01, null, 0.0, 5, 3L, 7, 32, 200, "saturated",
                "frozen from epoch 3", 200, 1.1, 1.2, 10.9, 0.32, 10.6, 0.34, 1.0, 2, 3, 1, 1234L, null,
                "one_cycle(pct_start=0.3,div_factor=25,final_div_factor=10000)", 1e-4, null, "[64,32]", 2, null);
        Row plain = t.toRow();
        Object[] values = new Object[plain.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = plain.get(i);
        }
        Row named = new GenericRowWithSchema(values, Schemas.TRIALS);
        assertEquals(t, TrialRow.fromRow(named));
        assertEquals("saturated", plain.get(Schemas.TRIALS.fieldIndex("status")));
        assertEquals(3, plain.get(Schemas.TRIALS.fieldIndex("frozen_epoch")));
        assertEquals("[64,32]", plain.get(Schemas.TRIALS.fieldIndex("hidden")));
        assertEquals(1e-4, plain.get(Schemas.TRIALS.fieldIndex("weight_decay")));
    }
}

package io.lrsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The core pom runs the data tests a second time with {@code -XX:-UseLibmIntrinsic} and
 * {@code -Dlrsweep.expectLibmIntrinsicOff=true}, the setting under which {@code Math.log} is
 * fdlibm and misrounds some of the reference r2 values. This proves that run really had the flag,
 * and that the data still match scikit-learn in whichever run this is.
 */
class LibmIntrinsicFlagTest {

    private static boolean expectIntrinsicOff() {
        return "true".equals(System.getProperty("lrsweep.expectLibmIntrinsicOff"));
    }

    @Test
    void referenceBlobsMatchInThisJvm() throws IOException {
        BlobsTest.assertSameBits(ReferenceData.hexBlobs(), Blobs.generate(BlobsSpec.reference()));
    }

    @Test
    void flagIsInEffectWhenTheBuildSaysSo() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        double[] r2 = ReferenceData.acceptedR2();
        int mathLogWrong = 0;
        for (double value : r2) {
            double correct = CorrectlyRoundedLog.log(value);
            assertEquals(correct, ReferenceLog.rounded(value), "log(" + Double.toHexString(value) + ")");
            if (Math.log(value) != correct) {
                mathLogWrong++;
            }
        }
        if (expectIntrinsicOff()) {
            assertTrue(arguments.contains("-XX:-UseLibmIntrinsic"), () -> "JVM arguments " + arguments);
            // Without the intrinsic Math.log is fdlibm, which misrounds 67 of these (see CorrectlyRoundedLogTest).
            assertEquals(67, mathLogWrong, "reference r2 values that Math.log rounds wrongly without the intrinsic");
        }
    }
}

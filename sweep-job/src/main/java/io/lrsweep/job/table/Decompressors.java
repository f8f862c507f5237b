package io.lrsweep.job.table;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression for reading tables on the driver: the codecs Spark writes with (snappy by
 * default, gzip and zstd on request) straight through their libraries, which Spark brings.
 * parquet-mr's own factory goes through Hadoop's codec classes and a Hadoop configuration, whose
 * set-up costs a local report half a second; the other codecs still take that path.
 */
final class Decompressors implements CompressionCodecFactory {
    private final ParquetConfiguration conf;
    private CompressionCodecFactory hadoop;

    Decompressors(ParquetConfiguration conf) {
        this.conf = conf;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Direct(bytes -> bytes);
            case SNAPPY -> new Direct(Snappy::uncompress);
            case GZIP -> new Direct(bytes -> new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes());
            case ZSTD -> new Direct(bytes -> Zstd.decompress(bytes, (int) Zstd.getFrameContentSize(bytes)));
            default -> hadoop().getDecompressor(codec);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return hadoop().getCompressor(codec);
    }

    private CompressionCodecFactory hadoop() {
        if (hadoop == null) {
            hadoop = new CodecFactory(conf, 0);
        }
        return hadoop;
    }

    @Override
    public void release() {
        if (hadoop != null) {
            hadoop.release();
        }
    }

    /** A codec over whole byte arrays. */
    private interface Codec {
        byte[] apply(byte[] compressed) throws IOException;
    }

    private record Direct(Codec codec) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] out = codec.apply(bytes.toByteArray());
            if (out.length != uncompressedSize) {
                throw new IOException("a page decompressed to " + out.length + " bytes, its header says " + uncompressedSize);
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            byte[] out = codec.apply(in);
            if (out.length != decompressedSize) {
                throw new IOException("a page decompressed to " + out.length + " bytes, its header says " + decompressedSize);
            }
            output.put(out);
        }

        @Override
        public void release() {
        }
    }
}

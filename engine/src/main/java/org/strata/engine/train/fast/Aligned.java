package org.strata.engine.train.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Float arrays whose data starts on a 64-byte boundary, as AVX-512 kernels want: ND4J's allocator gives 64-byte
 * alignment only most of the time (32 bytes otherwise, measured), so each array is cut from a slightly larger one.
 */
final class Aligned {
    private static final int ALIGN_BYTES = 64;
    private static final int FLOAT_BYTES = 4;

    private Aligned() {
    }

    static INDArray zeros(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        INDArray raw = Nd4j.create(DataType.FLOAT, n + ALIGN_BYTES / FLOAT_BYTES);
        long misalignment = raw.data().address() % ALIGN_BYTES;
        long offset = misalignment == 0 ? 0 : (ALIGN_BYTES - misalignment) / FLOAT_BYTES;
        return raw.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', shape);
    }
}

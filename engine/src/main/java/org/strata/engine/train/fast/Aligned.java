package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float arrays whose data starts on a 64-byte boundary, as AVX-512 kernels want. ND4J's allocator gives 64-byte
 * alignment most of the time (32 bytes otherwise, measured); an unlucky allocation is simply made again. A view cut
 * from a larger array would align too, but libnd4j runs element-wise ops on views ~50 % slower (measured).
 */
final class Aligned {
    private static final int ALIGN_BYTES = 64;
    private static final int ATTEMPTS = 8;

    private Aligned() {
    }

    static INDArray zeros(long... shape) {
        List<INDArray> unlucky = new ArrayList<>();
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        for (int i = 1; i < ATTEMPTS && a.data().address() % ALIGN_BYTES != 0; i++) {
            unlucky.add(a); // held until we are done, so the allocator cannot hand the same block back
            a = Nd4j.create(DataType.FLOAT, shape);
        }
        unlucky.forEach(INDArray::close);
        return a;
    }
}

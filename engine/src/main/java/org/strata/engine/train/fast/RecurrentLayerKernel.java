package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.strata.engine.layers.RecurrentLayer;

/**
 * A recurrent layer (LSTM, GRU, SimpleRNN): one reading of the sequence forward in time and, when the layer is
 * bidirectional, a second from its end, each a {@link RecurrentKernel} of the cell with its own arrays and buffers,
 * writing its columns of the output. Backward, the second reading adds its input gradient to the first's.
 */
final class RecurrentLayerKernel implements Kernel {
    private final Supplier<RecurrentKernel> cell;
    private final List<RecurrentKernel> readings = new ArrayList<>();

    /** @param cell makes a kernel of the layer's cell, once per reading */
    RecurrentLayerKernel(Supplier<RecurrentKernel> cell) {
        this.cell = cell;
    }

    @Override
    public void forward(KernelContext ctx) {
        boolean both = RecurrentLayer.directions(ctx.node().params()) == 2;
        readings.clear();
        readings.add(cell.get().reading(false, both));
        if (both) readings.add(cell.get().reading(true, true));
        for (RecurrentKernel r : readings) r.forward(ctx);
    }

    @Override
    public void backward(KernelContext ctx) {
        for (RecurrentKernel r : readings) r.backward(ctx);
    }
}

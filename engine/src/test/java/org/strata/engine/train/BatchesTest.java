package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Samples;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.layers.LossFn;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

class BatchesTest {
    private static Batches batches(Dataset data, Task task, int size) {
        return new Batches(data.train(), data.featureShape(), task, size);
    }

    @Test
    void a_batch_is_written_into_the_arrays_the_network_reads_when_it_offers_them() throws Exception {
        Project p = ProjectFile.load(Samples.file("xor"));
        Dataset data = DatasetLoader.load(p);
        Task task = Task.of(data, org.strata.engine.layers.TensorShape.vector(1), LossFn.BINARY_CROSS_ENTROPY, "accuracy", "out");
        int[] order = {3, 1, 0, 2};
        DataSet own = batches(data, task, 4).get(0, order);

        INDArray features = Nd4j.create(DataType.FLOAT, own.getFeatures().shape());
        INDArray labels = Nd4j.create(DataType.FLOAT, own.getLabels().shape());
        Batches direct = batches(data, task, 4);
        direct.writeInto(n -> new INDArray[]{features, labels});
        DataSet written = direct.get(0, order);

        assertSame(features, written.getFeatures());
        assertSame(labels, written.getLabels());
        assertEquals(own.getFeatures(), features);
        assertEquals(own.getLabels(), labels);
    }

    @Test
    void arrays_of_the_wrong_shape_are_not_written_into() throws Exception {
        Project p = ProjectFile.load(Samples.file("xor"));
        Dataset data = DatasetLoader.load(p);
        Task task = Task.of(data, org.strata.engine.layers.TensorShape.vector(1), LossFn.BINARY_CROSS_ENTROPY, "accuracy", "out");
        INDArray tooSmall = Nd4j.create(DataType.FLOAT, 2, 2);
        Batches b = batches(data, task, 4);
        b.writeInto(n -> new INDArray[]{tooSmall, Nd4j.create(DataType.FLOAT, 2, 1)});
        DataSet batch = b.get(0, null);
        assertNotSame(tooSmall, batch.getFeatures());
        assertEquals(4, batch.getFeatures().size(0));
    }
}

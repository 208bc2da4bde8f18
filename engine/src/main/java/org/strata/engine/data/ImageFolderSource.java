package org.strata.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.strata.engine.text.Message;

/**
 * Images in a folder with one subfolder per class. Only file names are held; each image is decoded and resized
 * when its batch is read, so folders larger than memory train.
 */
final class ImageFolderSource implements SampleSource {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final int height;
    private final int width;
    private final boolean rgb;

    private ImageFolderSource(List<Path> files, int[] labels, List<String> classNames, int height, int width,
                              boolean rgb) {
        this.files = files;
        this.labels = labels;
        this.classNames = classNames;
        this.height = height;
        this.width = width;
        this.rgb = rgb;
    }

    /** The most pixels read from one image: 8,192 × 8,192, far above what a network is trained on. */
    static final long MAX_PIXELS = 8192L * 8192;

    static ImageFolderSource scan(Path root, int height, int width, boolean rgb) throws IOException {
        InputFiles.requireFolder(root, Message.of("dataset.images.noFolder", root + ": folder not found: the "
                + "dataset path must be a folder with one subfolder of images per class", root.toString()));
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        if (classDirs.size() < 2) {
            throw new DatasetException(Message.of("dataset.images.classFolders", root + ": found " + classDirs.size()
                    + " class subfolder(s); make one subfolder per class (at least 2), each holding that class's "
                    + "images", root.toString(), classDirs.size()));
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path dir : classDirs) {
            names.add(dir.getFileName().toString());
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> images = s.filter(p -> EXTENSIONS.stream().anyMatch(
                        e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList();
                if (images.isEmpty()) {
                    throw new DatasetException(Message.of("dataset.images.none", dir + ": no images (png, jpg, "
                            + "bmp, gif) in this class folder", dir.toString()));
                }
                for (Path p : images) {
                    files.add(InputFiles.requireRegularFile(p)); // a pipe named x.png would hang the first epoch
                    labels.add(names.size() - 1);
                }
            }
        }
        return new ImageFolderSource(List.copyOf(files), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(names), height, width, rgb);
    }

    List<String> classNames() {
        return classNames;
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int featureSize() {
        return height * width * (rgb ? 3 : 1);
    }

    @Override
    public void features(int index, float[] dst, int offset) {
        BufferedImage img;
        try {
            img = read(files.get(index));
        } catch (DatasetException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(new DatasetException(files.get(index) + ": cannot read image: "
                    + e.getMessage(), e));
        }
        if (img == null) {
            throw new UncheckedIOException(new DatasetException(Message.of("dataset.images.notImage",
                    files.get(index) + ": not an image Java can decode (use png, jpg, bmp or gif)",
                    files.get(index).toString())));
        }
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, height, null);
        g.dispose();
        int k = offset;
        for (int yy = 0; yy < height; yy++) {
            for (int xx = 0; xx < width; xx++) {
                int p = scaled.getRGB(xx, yy);
                int r = (p >> 16) & 0xFF;
                int gr = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (rgb) {
                    dst[k++] = r;
                    dst[k++] = gr;
                    dst[k++] = b;
                } else {
                    dst[k++] = 0.299f * r + 0.587f * gr + 0.114f * b;
                }
            }
        }
    }

    /**
     * Reads an image after reading its size: a file of a few bytes may declare 40,000 × 40,000 pixels, which
     * decoding would allocate (gigabytes) before finding the pixels are not there.
     *
     * @return the image, or null when no reader Java has knows its format
     * @throws DatasetException when it declares more than {@link #MAX_PIXELS} pixels
     */
    static BufferedImage read(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return null;
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new DatasetException(Message.of("dataset.images.tooLarge", file + ": the image declares "
                            + w + "×" + h + " pixels, more than Strata reads from one image (" + MAX_PIXELS
                            + "): scale it down (the network sees it at the dataset's height and width anyway)",
                            file.toString(), w + "×" + h, MAX_PIXELS));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    @Override
    public int label(int index) {
        return labels[index];
    }
}

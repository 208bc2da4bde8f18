package org.strata.engine.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.strata.engine.text.Message;

/**
 * Turns the bytes of a data file (CSV, TSV, text, sequence) into text strictly, in the encoding its dataset names:
 * a byte that does not decode is an error naming the file, the line and the column, never a silent {@code �} that
 * merges {@code café} and {@code cafè} into one class. Columns are counted in characters (the first is 1), as an
 * editor shows them. A UTF-8 byte order mark is allowed and skipped.
 *
 * <p>Every encoding offered keeps ASCII as it is and never uses the byte of a line break ({@code \n}) inside a
 * character, so a file can be cut into lines at that byte before it is decoded.
 */
final class StrictText {
    /** The encoding of a dataset that names none (and of projects written before datasets named one). */
    static final String DEFAULT = "UTF-8";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StrictText() {
    }

    /**
     * @param name a dataset's {@code encoding} ("UTF-8", "GBK", "GB18030", "ISO-8859-1"; "Latin-1" too), or blank
     *             for UTF-8
     * @throws DatasetException when the name is none of them
     */
    static Charset charset(String name) throws DatasetException {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "", "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "CP936" -> Charset.forName("GBK");
            case "GB18030" -> Charset.forName("GB18030");
            case "ISO-8859-1", "LATIN-1", "LATIN1" -> StandardCharsets.ISO_8859_1;
            default -> throw new DatasetException(Message.of("dataset.encoding.unknown", "the dataset's encoding '"
                    + org.strata.engine.text.Excerpt.of(name) + "' is not one Strata reads: choose UTF-8, GBK, "
                    + "GB18030 or ISO-8859-1", org.strata.engine.text.Excerpt.of(name)));
        };
    }

    /**
     * Decodes a whole file; a UTF-8 byte order mark at its start is dropped.
     *
     * @param file the file as messages name it
     * @throws DatasetException naming the line and column of the first byte that does not decode
     */
    static String decode(byte[] bytes, Charset charset, String file) throws DatasetException {
        int start = bom(bytes, 0, bytes.length, charset, file);
        CharsetDecoder d = decoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) ((bytes.length - start) * (double) d.maxCharsPerByte()) + 16));
        if (run(d, in, out) == null) return out.flip().toString();
        int bad = in.position();
        int lineStart = start;
        int line = 1;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the bytes of the line before the bad one all decoded: their characters give the column
        CharsetDecoder again = decoder(charset);
        CharBuffer before = CharBuffer.allocate(bad - lineStart + 16);
        run(again, ByteBuffer.wrap(bytes, lineStart, bad - lineStart), before);
        before.flip();
        throw undecodable(file, line, Character.codePointCount(before, 0, before.length()) + 1, bytes[bad], charset);
    }

    /**
     * Decodes one line (its bytes without the line break); on line 1 a UTF-8 byte order mark is dropped.
     *
     * @throws DatasetException naming the line and column of the first byte that does not decode
     */
    static String line(byte[] bytes, int from, int to, Charset charset, String file, int line)
            throws DatasetException {
        int start = line == 1 ? bom(bytes, from, to, charset, file) : from;
        // ASCII reads alike in every encoding offered: the usual numeric row needs no decoder
        boolean ascii = true;
        for (int i = start; i < to && ascii; i++) ascii = bytes[i] >= 0;
        if (ascii) return new String(bytes, start, to - start, StandardCharsets.US_ASCII);
        CharsetDecoder d = decoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, to - start);
        CharBuffer out = CharBuffer.allocate((int) ((to - start) * (double) d.maxCharsPerByte()) + 16);
        if (run(d, in, out) == null) return out.flip().toString();
        int bad = in.position();
        out.flip();
        throw undecodable(file, line, Character.codePointCount(out, 0, out.length()) + 1, bytes[bad], charset);
    }

    /** @return the failed result, with {@code in} at its first byte, or null when everything decoded */
    private static CoderResult run(CharsetDecoder d, ByteBuffer in, CharBuffer out) {
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        // the callers size out by the decoder's most characters per byte: it cannot fill up
        if (r.isOverflow()) throw new IllegalStateException("decoding overflowed its buffer");
        return r.isError() ? r : null;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * @return where the text starts: after a UTF-8 byte order mark when the file is read as UTF-8
     * @throws DatasetException when the file carries that mark but is to be read in another encoding (whose
     *                          letters the mark's bytes would silently become)
     */
    private static int bom(byte[] bytes, int from, int to, Charset charset, String file) throws DatasetException {
        boolean marked = to - from >= 3 && bytes[from] == UTF8_BOM[0] && bytes[from + 1] == UTF8_BOM[1]
                && bytes[from + 2] == UTF8_BOM[2];
        if (!marked) return from;
        if (charset.equals(StandardCharsets.UTF_8)) return from + 3;
        throw new DatasetException(Message.of("dataset.encoding.bom", file + " starts with the mark of a UTF-8 file, "
                + "but the dataset's encoding is " + charset.name() + ": set the dataset's encoding to UTF-8 (in the "
                + "inspector, or \"encoding\" in the project file)", file,
                charset.name()));
    }

    private static DatasetException undecodable(String file, int line, int column, byte b, Charset charset) {
        String hex = String.format(Locale.ROOT, "0x%02X", b & 0xFF);
        return new DatasetException(Message.of("dataset.encoding.undecodable", file + ", line " + line + ", column "
                + column + " (counted in characters): the byte " + hex + " is not " + charset.name() + " text: save "
                + "the file as UTF-8 (in a spreadsheet: CSV UTF-8), or set the dataset's encoding (in the inspector, "
                + "or \"encoding\" in the project file) to the one the file was saved in: GBK or GB18030 from a "
                + "Chinese Windows, ISO-8859-1 for Latin-1", file, line, column, hex, charset.name()));
    }
}

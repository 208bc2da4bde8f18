package org.strata.engine.export.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.Test;
import org.strata.engine.HostileStrings;

/** ONNX strings keep any well-formed text exactly, and the same text always becomes the same string. */
class OnnxTextTest {
    @Test
    void text_survives_a_protobuf_round_trip_and_a_lone_surrogate_becomes_the_replacement_character() throws Exception {
        for (String s : HostileStrings.all()) {
            String safe = OnnxText.string(s);
            OnnxMl.StringStringEntryProto e = OnnxMl.StringStringEntryProto.newBuilder().setKey(safe).setValue(safe)
                    .build();
            OnnxMl.StringStringEntryProto back = OnnxMl.StringStringEntryProto.parseFrom(e.toByteArray());
            assertEquals(safe, back.getKey());
            boolean wellFormed = s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
            if (wellFormed) assertEquals(s, safe);
        }
        assertEquals("a\uFFFDb", OnnxText.string("a\uD800b"));
    }
}

package org.strata.engine.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Where a JSON parser stopped, in the user's words ("line 3, column 7"): what a message about a file that is not
 * valid JSON says instead of the parser's own text, which names its classes and features.
 */
public final class JsonWhere {
    private JsonWhere() {
    }

    /** @return " (line L, column C)" where the parser knows the place, else "" */
    public static String of(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}

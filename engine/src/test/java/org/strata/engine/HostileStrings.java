package org.strata.engine;

import java.util.List;

/**
 * Text a project, its data or a model may hold that generated code, documents or a terminal could take for
 * something else: quotes of every kind, Python's triple quotes, backslashes, line breaks of every kind, NUL,
 * format strings, bidirectional marks, emoji, Chinese, a Python statement and a very long text. Each hostile
 * string that would run code creates {@link #MARKER} when it runs, so a test checks nothing ran.
 */
public final class HostileStrings {
    /**
     * The file name a string of {@link #all} that runs Python code creates in the working folder (and, for
     * code with a path, in {@code java.io.tmpdir}).
     */
    public static final String MARKER = "STRATA_PWNED";

    private HostileStrings() {
    }

    /**
     * @return the corpus: each a non-blank string with no ':'; those without a control character or lone surrogate
     *     are valid node ids too (a project file refuses the others as ids, and takes them as names)
     */
    public static List<String> all() {
        return List.of(
                "plain",
                "\"double\" 'single' `back` «guillemets» „low“ ‘curly’ ＂fullwidth＂",
                "'''",
                "\"\"\"",
                "\"\"\"\nimport os; open('" + MARKER + "', 'w')\n\"\"\"",
                "'''\nimport os; open('" + MARKER + "', 'w')\n'''",
                "x\"); open('" + MARKER + "', 'w'); (\"",
                "x'); open('" + MARKER + "', 'w'); ('",
                "end with a backslash\\",
                "\\",
                "\\\\",
                "\\N{BULLET} \\x41 \\u0041 \\' \\\"",
                "line\nbreak",
                "carriage\rreturn",
                "crlf\r\nend",
                "line\u2028separator",
                "paragraph\u2029separator",
                "next\u0085line",
                "form\ffeed\u000bvtab\u001cfs",
                "nul\u0000byte",
                "bell\u0007esc\u001b[31mred\u001b]0;title\u0007",
                "# not a comment",
                "a\n# coding=latin-1\nb",
                "%s %d %(x)s %(prog)s %%",
                "{} {0} {name} {{}}",
                "$HOME $(touch " + MARKER + ") `touch " + MARKER + "`; rm -rf /nothing",
                "<script>alert(1)</script> <b>bold</b> &amp; &lt;",
                "*emph* _under_ [link](evil.html) ![img](x.png) | table | ~~strike~~",
                "right\u202Eto\u202Cleft \u200Bzero\u200Dwidth \uFEFFbom",
                "emoji 😀 👩‍👩‍👧 🇨🇳",
                "隐藏层",
                "輸出層 中文 名字",
                "café cafe\u0301",
                "lone \uD800 surrogate \uDC00 end",
                "   spaces around   ",
                "tab\there",
                "-dash-first",
                "123 starts with digits",
                "class",
                "self",
                "__init__",
                "x",
                "input",
                "probabilities",
                "prediction",
                "dense_2",
                "dense",
                "a".repeat(10_000));
    }
}

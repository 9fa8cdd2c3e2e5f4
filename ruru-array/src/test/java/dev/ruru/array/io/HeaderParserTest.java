package dev.ruru.array.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.io.HeaderParser.PyList;
import dev.ruru.array.io.HeaderParser.PyTuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Python-literal subset of .npy headers, parsed as Python's ast.literal_eval reads it. */
class HeaderParserTest {
  private static Object shapeOf(String shape) {
    return HeaderParser.parseDict("{'shape': " + shape + "}", 1, "h").get("shape");
  }

  @Test
  void tuplesFollowPythonsCommaRule() {
    assertEquals(new PyTuple(List.of()), shapeOf("()"));
    assertEquals(new PyTuple(List.of(5L)), shapeOf("(5,)"));
    assertEquals(5L, shapeOf("(5)"), "parentheses alone make no tuple");
    assertEquals(new PyTuple(List.of(2L, 3L)), shapeOf("( 2 ,\n 3 , )"));
    assertEquals(new PyTuple(List.of(new PyTuple(List.of(1L, 2L)))), shapeOf("((1, 2),)"));
  }

  @Test
  void acceptsBothQuotesPython2LongsListsAndKeyOrder() {
    Map<String, Object> dict = HeaderParser.parseDict(
        "{\"shape\": (3L, 4L), 'fortran_order': True, 'descr': [('x', '<f4'), ('y', '<i8')]}", 1, "h");
    assertEquals(List.of("shape", "fortran_order", "descr"), List.copyOf(dict.keySet()));
    assertEquals(new PyTuple(List.of(3L, 4L)), dict.get("shape"));
    assertEquals(Boolean.TRUE, dict.get("fortran_order"));
    assertEquals("[('x', '<f4'), ('y', '<i8')]", HeaderParser.repr(dict.get("descr")));
    assertEquals(PyList.class, dict.get("descr").getClass());
  }

  @Test
  void refusesWhatLiteralEvalWouldNotReturnAsAHeader() {
    assertEquals("npy: h: malformed header: key 'a' appears twice at offset 15 of {'a': 1, 'a': 2}",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': 1, 'a': 2}", 1, "h")).getMessage());
    assertEquals("npy: h: malformed header: unexpected text after the dict at offset 9 of {'a': 1} x",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': 1} x", 1, "h")).getMessage());
    assertEquals("npy: h: malformed header: nested more than 8 levels deep at offset 14 of {'a': ((((((((((1,),),),),),),),),),)}",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': ((((((((((1,),),),),),),),),),)}", 1, "h")).getMessage());
    assertEquals("npy: h: malformed header: escape sequences in strings are not supported at offset 8 of {'a': 'x\\'y'}",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': 'x\\'y'}", 1, "h")).getMessage());
    assertEquals("npy: h: malformed header: the header ends where a value was expected at offset 5 of {'a':",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a':", 1, "h")).getMessage());
  }

  private static String failure(String text, int formatVersion) {
    return assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict(text, formatVersion, "h")).getMessage();
  }

  @Test
  void integersAreAsciiDigitsWithoutLeadingZerosAsInPython() {
    // Java's Character.isDigit and Long.parseLong take any Unicode digit: (\u0663,) was read as shape [3].
    assertEquals("npy: h: malformed header: unexpected character U+0663 at offset 11 of {'shape': (\\u0663,)}",
        failure("{'shape': (\u0663,)}", 3));
    assertEquals("npy: h: malformed header: '03' has a leading zero, which Python's integers may not have at offset 11 of {'shape': (03,)}",
        failure("{'shape': (03,)}", 1));
    assertEquals("npy: h: malformed header: '-' is not followed by a digit at offset 11 of {'shape': (-,)}", failure("{'shape': (-,)}", 1));
    assertEquals(new PyTuple(List.of(0L, 0L)), shapeOf("(0, 00)"));
  }

  @Test
  void whitespaceIsWhatPythonSkipsAndNoMore() {
    assertEquals(new PyTuple(List.of(3L)), shapeOf("(3,\f\r\n\t )"));
    // Java's isWhitespace also takes the separators U+001C..U+001F and Unicode spaces; Python's tokenizer does not.
    assertEquals("npy: h: malformed header: unexpected character U+001C at offset 13 of {'shape': (3,\\u001c)}",
        failure("{'shape': (3,\u001c)}", 1));
    assertEquals("npy: h: malformed header: unexpected character U+2003 at offset 13 of {'shape': (3,\\u2003)}",
        failure("{'shape': (3,\u2003)}", 3));
  }

  @Test
  void python2LongsOnlyInVersionsOneAndTwo() {
    assertEquals(new PyTuple(List.of(3L)), HeaderParser.parseDict("{'shape': (3L,)}", 2, "h").get("shape"));
    assertEquals("npy: h: malformed header: expected ',' or ')' at offset 12 of {'shape': (3L,)}", failure("{'shape': (3L,)}", 3));
  }
}

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
    return HeaderParser.parseDict("{'shape': " + shape + "}", "h").get("shape");
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
        "{\"shape\": (3L, 4L), 'fortran_order': True, 'descr': [('x', '<f4'), ('y', '<i8')]}", "h");
    assertEquals(List.of("shape", "fortran_order", "descr"), List.copyOf(dict.keySet()));
    assertEquals(new PyTuple(List.of(3L, 4L)), dict.get("shape"));
    assertEquals(Boolean.TRUE, dict.get("fortran_order"));
    assertEquals("[('x', '<f4'), ('y', '<i8')]", HeaderParser.repr(dict.get("descr")));
    assertEquals(PyList.class, dict.get("descr").getClass());
  }

  @Test
  void refusesWhatLiteralEvalWouldNotReturnAsAHeader() {
    assertEquals("npy: h: malformed header: key 'a' appears twice at offset 15 of {'a': 1, 'a': 2}",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': 1, 'a': 2}", "h")).getMessage());
    assertEquals("npy: h: malformed header: unexpected text after the dict at offset 9 of {'a': 1} x",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': 1} x", "h")).getMessage());
    assertEquals("npy: h: malformed header: nested more than 8 levels deep at offset 14 of {'a': ((((((((((1,),),),),),),),),),)}",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': ((((((((((1,),),),),),),),),),)}", "h")).getMessage());
    assertEquals("npy: h: malformed header: escape sequences in strings are not supported at offset 8 of {'a': 'x\\'y'}",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a': 'x\\'y'}", "h")).getMessage());
    assertEquals("npy: h: malformed header: the header ends where a value was expected at offset 5 of {'a':",
        assertThrows(NpyFormatException.class, () -> HeaderParser.parseDict("{'a':", "h")).getMessage());
  }
}

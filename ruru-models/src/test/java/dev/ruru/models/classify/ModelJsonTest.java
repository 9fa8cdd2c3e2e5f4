package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * model.json is read strictly: text after the object, a key twice, a value of the wrong type, an unknown
 * key or version are refused, naming the file, the key, what was expected and what was found; and a
 * description whose sizes its weights do not have is refused from the weights' header, before any of
 * those sizes is allocated.
 */
class ModelJsonTest {
  private static final ModelSpec SPEC = ModelSpec.mlp(List.of(4, 4), List.of(8, 6), List.of("a", "b", "c"));

  @TempDir Path dir;
  private Path description;
  private String saved;

  @BeforeEach void save() throws IOException {
    ModelFiles.save(dir, SPEC, SPEC.build(new ResumableRandom(1)));
    description = dir.resolve(ModelDirectory.DESCRIPTION);
    saved = Files.readString(description);
  }

  /** The message of loading the saved description with {@code from} replaced by {@code to}. */
  private String refusal(String from, String to) throws IOException {
    String text = saved;
    assertTrue(text.contains(from), text);
    Files.writeString(description, text.replace(from, to));
    return assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage();
  }

  @Test void textAfterTheObjectIsRefused() throws IOException {
    String message = refusal("\n}\n", "\n}\n{\"classes\": 3}\n");
    assertTrue(message.startsWith(description + ": text after the JSON object (line "), message);
    assertTrue(message.endsWith("; a model description is one JSON object and nothing else"), message);
  }

  @Test void aDescriptionThatIsNoObjectIsRefused() throws IOException {
    Files.writeString(description, "");
    assertEquals(description + ": expected a JSON object {...}, found nothing",
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage());
    Files.writeString(description, "[1, 2]");
    assertEquals(description + ": expected a JSON object {...}, found [1,2]",
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage());
  }

  @Test void aKeyGivenTwiceIsRefused() throws IOException {
    String message = refusal("\"classes\" : 3,", "\"classes\" : 3, \"classes\" : 10,");
    assertTrue(message.startsWith(description + ": not valid JSON: Duplicate field 'classes' (line "), message);
  }

  @Test void valuesOfTheWrongTypeAreRefusedNotCoerced() throws IOException {
    assertEquals(description + ": \"classes\": expected an integer, found 10.5", refusal("\"classes\" : 3,", "\"classes\" : 10.5,"));
    assertEquals(description + ": \"classes\": expected an integer, found 3.0", refusal("\"classes\" : 3,", "\"classes\" : 3.0,"));
    assertEquals(description + ": \"classes\": expected an integer, found \"3\"", refusal("\"classes\" : 3,", "\"classes\" : \"3\","));
    assertEquals(description + ": \"classes\": expected an integer, found 4294967299", refusal("\"classes\" : 3,", "\"classes\" : 4294967299,"));
    assertEquals(description + ": \"dropout\": expected a number, found \"x\"", refusal("\"dropout\" : 0.0,", "\"dropout\" : \"x\","));
    assertEquals(description + ": \"hidden\": expected an array of integers, found [8,6.5]", refusal("\"hidden\" : [ 8, 6 ]", "\"hidden\" : [ 8, 6.5 ]"));
    assertEquals(description + ": \"class_names\": expected an array of strings, found [\"a\",\"b\",3]", refusal("\"c\" ]", "3 ]"));
    assertEquals(description + ": \"notes\": expected an object of strings, found {\"dataset\":1}", refusal("\"notes\" : { }", "\"notes\" : {\"dataset\": 1}"));
  }

  @Test void anUnknownVersionOrKeyIsRefused() throws IOException {
    assertEquals(description + ": \"version\": 99 is not a version this Ruru reads (1 to 2); the model was saved by a newer Ruru, or the file"
        + " was edited", refusal("\"version\" : 2", "\"version\" : 99"));
    assertEquals(description + ": unknown key \"hiden\"; expected only [format, version, architecture, input_shape, hidden, classes,"
        + " activation, dtype, channels, dropout, class_names, preprocessing, weights, summary, parameters, notes]",
        refusal("\"version\" : 2,", "\"version\" : 2, \"hiden\" : [ 40000 ],"));
  }

  @Test void sizesTheWeightsDoNotHaveAreRefusedFromTheHeaderBeforeAnythingIsBuilt() throws IOException {
    // 40000 x 40000 float32 weights are 6.4 GB: building the network first would run out of memory.
    String message = refusal("\"hidden\" : [ 8, 6 ]", "\"hidden\" : [ 40000, 40000 ]");
    assertEquals(dir.resolve(ModelDirectory.WEIGHTS) + " does not match " + description + " (mlp 16-40000-40000-3 relu float32):"
        + " tensor '1.weight' is float32 [40000, 16] in the description but float32 [8, 16] in the weights;"
        + " tensor '1.bias' is float32 [40000] in the description but float32 [8] in the weights;"
        + " tensor '3.weight' is float32 [40000, 40000] in the description but float32 [6, 8] in the weights;"
        + " tensor '3.bias' is float32 [40000] in the description but float32 [6] in the weights;"
        + " tensor '5.weight' is float32 [3, 40000] in the description but float32 [3, 6] in the weights; nothing was loaded", message);
  }

  @Test void sizesBeyondWhatALayerTakesNameTheFile() throws IOException {
    assertEquals(description + ": model: input shape [100000, 100000] has more features than the 2147483647 a layer can take",
        refusal("\"input_shape\" : [ 4, 4 ]", "\"input_shape\" : [ 100000, 100000 ]"));
  }
}

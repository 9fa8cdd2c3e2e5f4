package dev.ruru.models.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.Vocabulary;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A saved language model: {@code model.safetensors} (the state dictionary, PyTorch's names) and
 * {@code model.json} (the {@link CharModelSpec} and the vocabulary, so that generation encodes a prompt
 * exactly as training encoded the text), sealed to each other as {@link ModelDirectory} describes.
 * Reading checks the description strictly and the weights' header against the network it describes
 * before anything is built, then the seal and the weights' values, and loads nothing unless all hold.
 *
 * <pre>{@code
 * CharModelFiles.save(out, model, tokenizer.vocabulary(), Map.of("text", "opticks"));
 * CharModelFiles.Loaded saved = CharModelFiles.load(out);
 * }</pre>
 */
public final class CharModelFiles {
  static final String FORMAT = "ruru-char-lm";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru language model",
      "`ruru train --model char-lstm --out DIR`", "; image models are used with `ruru eval` and `ruru predict`");
  private static final List<String> REQUIRED = List.of("format", "version", "model", "vocabulary");
  private static final List<String> OPTIONAL = List.of("weights", "summary", "notes");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CharModelFiles() {}

  /** A model read back: its spec, the tokenizer of its vocabulary, the network with its weights, and the notes saved with it. */
  public record Loaded(CharModelSpec spec, CharTokenizer tokenizer, CharLanguageModel model, Map<String, String> notes) {}

  public static void save(Path directory, CharLanguageModel model, Vocabulary vocabulary, Map<String, String> notes) throws IOException {
    if (vocabulary.size() != model.spec().vocabulary()) {
      throw new IllegalArgumentException("save: the vocabulary has " + vocabulary.size() + " tokens but the model predicts "
          + model.spec().vocabulary());
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", model.spec().toJson());
    root.set("vocabulary", JSON.readTree(vocabulary.toJson()));
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", model.spec().describe());
    ObjectNode notesNode = root.putObject("notes");
    notes.forEach(notesNode::put);
    ModelDirectory.write(directory, model.stateDict(), model.spec().describe(), JSON.writeValueAsString(root) + "\n");
  }

  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    CharModelSpec spec = CharModelSpec.fromJson(json.object("model"));
    Vocabulary vocabulary = Vocabulary.fromJson(JSON.writeValueAsString(json.raw("vocabulary")), opened.description().toString());
    if (vocabulary.size() != spec.vocabulary()) {
      throw new IllegalArgumentException(opened.description() + ": the vocabulary has " + vocabulary.size() + " tokens but \"model.vocabulary\""
          + " says the model predicts " + spec.vocabulary());
    }
    Map<String, String> notes = json.has("notes") ? json.textMap("notes") : Map.of();
    opened.checkTensors(spec.parameterShapes(), spec.describe());
    opened.checkSeal();
    CharLanguageModel model = opened.rebuild(() -> spec.build(new ResumableRandom(0)), spec.describe());
    model.loadStateDict(opened.readWeights());
    return new Loaded(spec, new CharTokenizer(vocabulary), model, notes);
  }
}

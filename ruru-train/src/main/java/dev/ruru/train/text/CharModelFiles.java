package dev.ruru.train.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.Vocabulary;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved language model: {@code model.safetensors} (the state dictionary, PyTorch's names) and
 * {@code model.json} (the {@link CharModelSpec} and the vocabulary, so that generation encodes a prompt
 * exactly as training encoded the text). Both written atomically; reading loads nothing unless the
 * weights match the network the description builds.
 *
 * <pre>{@code
 * CharModelFiles.save(out, model, tokenizer.vocabulary(), Map.of("text", "opticks"));
 * CharModelFiles.Loaded saved = CharModelFiles.load(out);
 * }</pre>
 */
public final class CharModelFiles {
  static final String FORMAT = "ruru-char-lm";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CharModelFiles() {}

  /** A model read back: its spec, the tokenizer of its vocabulary, the network with its weights, and the notes saved with it. */
  public record Loaded(CharModelSpec spec, CharTokenizer tokenizer, CharLanguageModel model, Map<String, String> notes) {}

  public static void save(Path directory, CharLanguageModel model, Vocabulary vocabulary, Map<String, String> notes) throws IOException {
    if (vocabulary.size() != model.spec().vocabulary()) {
      throw new IllegalArgumentException("save: the vocabulary has " + vocabulary.size() + " tokens but the model predicts "
          + model.spec().vocabulary());
    }
    Files.createDirectories(directory);
    Safetensors.write(directory.resolve(ModelFiles.WEIGHTS), model.stateDict(), Map.of("format", "pt", "ruru.model", model.spec().describe()));
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.set("model", model.spec().toJson());
    root.set("vocabulary", JSON.readTree(vocabulary.toJson()));
    root.put("weights", ModelFiles.WEIGHTS);
    root.put("summary", model.spec().describe());
    ObjectNode notesNode = root.putObject("notes");
    notes.forEach(notesNode::put);
    AtomicFile.writeString(directory.resolve(ModelFiles.DESCRIPTION), JSON.writeValueAsString(root) + "\n");
  }

  public static Loaded load(Path directory) throws IOException {
    Path description = directory.resolve(ModelFiles.DESCRIPTION);
    Path weights = directory.resolve(ModelFiles.WEIGHTS);
    for (Path file : List.of(description, weights)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("model directory " + directory + ": missing " + file.getFileName()
            + " (a language model is model.json and model.safetensors, as `ruru train --model char-lstm --out DIR` writes them)");
      }
    }
    if (Files.size(description) > Vocabulary.MAX_FILE_BYTES) {
      throw new IllegalArgumentException(description + ": " + Files.size(description) + " bytes is too large for a model description (at most "
          + Vocabulary.MAX_FILE_BYTES + ")");
    }
    JsonNode root;
    try {
      root = JSON.readTree(description.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(description + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(description + ": not a Ruru language model (\"format\" is " + root.get("format") + ", expected \""
          + FORMAT + "\"); image models are used with `ruru eval` and `ruru predict`");
    }
    CharModelSpec spec = CharModelSpec.fromJson(root.path("model"), description.toString());
    Vocabulary vocabulary = Vocabulary.fromJson(JSON.writeValueAsString(root.path("vocabulary")), description.toString());
    if (vocabulary.size() != spec.vocabulary()) {
      throw new IllegalArgumentException(description + ": the vocabulary has " + vocabulary.size() + " tokens but the model predicts "
          + spec.vocabulary());
    }
    CharLanguageModel model = spec.build(new ResumableRandom(0));
    try {
      model.loadStateDict(Safetensors.read(weights).tensors());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(weights + " does not match " + description + " (" + spec.describe() + "): " + e.getMessage(), e);
    }
    Map<String, String> notes = new LinkedHashMap<>();
    root.path("notes").properties().forEach(note -> notes.put(note.getKey(), note.getValue().asText()));
    return new Loaded(spec, new CharTokenizer(vocabulary), model, notes);
  }
}

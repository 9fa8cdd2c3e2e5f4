package dev.ruru.train.plot;

import dev.ruru.array.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated GIF that loops forever, with {@code javax.imageio}'s GIF writer: each
 * frame's delay goes into its Graphic Control Extension, and the loop into the NETSCAPE2.0 application
 * extension of the first frame (the de-facto standard every browser reads).
 */
public final class AnimatedGif {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private AnimatedGif() {}

  /** Writes {@code frames} (at least one, all the same size) to {@code file}, each shown {@code delayMillis}, atomically. */
  public static void write(Path file, List<BufferedImage> frames, int delayMillis) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("AnimatedGif: no frames to write to " + file);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    AtomicFile.write(file, out -> {
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
        for (int i = 0; i < frames.size(); i++) {
          BufferedImage frame = frames.get(i);
          IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
          configure(metadata, delayMillis, i == 0);
          writer.writeToSequence(new IIOImage(frame, null, metadata), null);
        }
        writer.endWriteSequence();
      } finally {
        writer.dispose();
      }
    });
  }

  private static void configure(IIOMetadata metadata, int delayMillis, boolean first) throws IIOInvalidTreeException {
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10))); // hundredths of a second
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
      extension.setAttribute("applicationID", "NETSCAPE");
      extension.setAttribute("authenticationCode", "2.0");
      extension.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
      child(root, "ApplicationExtensions").appendChild(extension);
    }
    metadata.setFromTree(FORMAT, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}

package dev.ruru.rl.games;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Frames as an animated GIF that loops, with Java's own GIF writer (the NETSCAPE2.0 extension makes it loop). */
final class AnimatedGif {
  private AnimatedGif() {}

  static void write(List<BufferedImage> frames, int delayMillis, Path file) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("AnimatedGif: no frames to write to " + file);
    }
    ImageWriter writer = ImageIO.getImageWritersBySuffix("gif").next();
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (ImageOutputStream output = ImageIO.createImageOutputStream(temporary.toFile())) {
      writer.setOutput(output);
      writer.prepareWriteSequence(null);
      for (int index = 0; index < frames.size(); index++) {
        BufferedImage frame = frames.get(index);
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        configure(metadata, delayMillis, index == 0);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void configure(IIOMetadata metadata, int delayMillis, boolean first) throws IOException {
    String format = metadata.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
      loop.setAttribute("applicationID", "NETSCAPE");
      loop.setAttribute("authenticationCode", "2.0");
      loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0: forever
      child(root, "ApplicationExtensions").appendChild(loop);
    }
    metadata.setFromTree(format, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int index = 0; index < root.getLength(); index++) {
      if (root.item(index).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(index);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}

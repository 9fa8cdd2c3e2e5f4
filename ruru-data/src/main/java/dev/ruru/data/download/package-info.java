/**
 * Verified downloads of dataset files: {@link dev.ruru.data.download.Downloader} streams a URL into a
 * temporary file beside the target while computing its SHA-256, and renames it into place only when the
 * whole body arrived and the checksum matches. A cut connection, a wrong size or a wrong checksum leaves
 * no file behind, and a partial file is never resumed.
 */
package dev.ruru.data.download;

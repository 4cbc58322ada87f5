/**
 * Writing files safely: {@link dev.fusionlab.io.AtomicFiles} writes every file FusionLab produces into a
 * temporary file beside it and renames it into place only when complete, so a full disk, a read-only
 * folder or a crash never leaves a truncated report behind, and the error names the file and the cause
 * in words ({@link dev.fusionlab.io.WriteProblem}).
 */
package dev.fusionlab.io;

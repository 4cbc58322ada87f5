/**
 * Workspaces: an afternoon's work made durable. A {@link dev.fusionlab.workspace.Workspace} (settings, the
 * last run with everything needed to show it again without encoding or training, and what the view showed)
 * is written as a folder or a single zip file ({@link dev.fusionlab.workspace.WorkspaceFormat}: a
 * {@code workspace.json} with snake_case keys and a {@code schema_version}, matrices as {@code .npy}),
 * atomically ({@link dev.fusionlab.io.AtomicFiles}); {@link dev.fusionlab.workspace.Autosave} keeps the
 * current work in the background and offers it back after a crash; {@link dev.fusionlab.workspace.DatasetCheck}
 * says when the dataset behind a workspace moved or changed and relinks it. No JavaFX here: the GUI wires it
 * in {@code ui.model}.
 */
package dev.fusionlab.workspace;

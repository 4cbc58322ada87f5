package dev.fusionlab.playground;

/**
 * One control varied over a range: {@code steps} evenly spaced values from {@code from} to {@code to}, both
 * included (rounded for integer controls). Written {@code <control>=<from>:<to>:<steps>} on the command line.
 */
public record SweepSpec(Control control, double from, double to, int steps) {

    public SweepSpec {
        if (steps < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 steps, got " + steps);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("sweep bounds must be finite numbers, got " + from + " and " + to);
        }
    }

    /** Parses {@code image_snr=0:3:7}. @throws IllegalArgumentException naming what is wrong */
    public static SweepSpec parse(String text) {
        int eq = text.indexOf('=');
        String[] range = eq < 0 ? new String[0] : text.substring(eq + 1).split(":", -1);
        if (eq < 0 || range.length != 3) {
            throw new IllegalArgumentException("--sweep wants <control>=<from>:<to>:<steps>, e.g. image_snr=0:3:7; got '" + text + "'");
        }
        Control control = Control.parse(text.substring(0, eq));
        try {
            return new SweepSpec(control, Double.parseDouble(range[0].trim()), Double.parseDouble(range[1].trim()),
                    Integer.parseInt(range[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep '" + text + "': from and to must be numbers and steps a whole number");
        }
    }

    /** The values the sweep visits, in order. */
    public double[] values() {
        double[] v = new double[steps];
        for (int i = 0; i < steps; i++) {
            double x = from + (to - from) * i / (steps - 1);
            v[i] = control.isInteger() ? Math.round(x) : x;
        }
        return v;
    }
}

package dev.fusionlab.project.umap;

/**
 * The curve {@code 1 / (1 + a d^(2b))} that turns a layout distance d into a membership strength, fitted
 * (as umap-learn does) to the target {@code 1} for {@code d < minDist} and {@code exp(-(d - minDist) / spread)}
 * beyond, by Levenberg-Marquardt least squares on 300 points of [0, 3 spread].
 *
 * @param a steepness; 1.577 for minDist 0.1, spread 1
 * @param b decay exponent; 0.895 for minDist 0.1, spread 1
 */
record AttractionCurve(double a, double b) {

    static AttractionCurve fit(double minDist, double spread) {
        int count = 300;
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = 3 * spread * i / (count - 1);
            y[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double error = squaredError(x, y, a, b);
        for (int iteration = 0; iteration < 200; iteration++) {
            // normal equations of the 2-parameter Gauss-Newton step, damped by lambda
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 1; i < count; i++) {
                double p = Math.pow(x[i], 2 * b);
                double f = 1 / (1 + a * p);
                double r = f - y[i];
                double da = -p * f * f;
                double db = -a * p * 2 * Math.log(x[i]) * f * f;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            double maa = jaa * (1 + lambda);
            double mbb = jbb * (1 + lambda);
            double det = maa * mbb - jab * jab;
            double stepA = -(mbb * ga - jab * gb) / det;
            double stepB = -(maa * gb - jab * ga) / det;
            double candidate = squaredError(x, y, a + stepA, b + stepB);
            if (candidate < error) {
                a += stepA;
                b += stepB;
                boolean converged = error - candidate < 1e-14 * (1 + error);
                error = candidate;
                lambda /= 10;
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
            }
        }
        return new AttractionCurve(a, b);
    }

    private static double squaredError(double[] x, double[] y, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = 1 / (1 + a * Math.pow(x[i], 2 * b)) - y[i];
            sum += r * r;
        }
        return sum;
    }
}

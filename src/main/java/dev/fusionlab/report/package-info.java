/**
 * What a run is worth, in one model and one vocabulary: {@link dev.fusionlab.report.MetricsReport} (scores
 * of every strategy, late fusion under every combiner, early vs late, retrieval, skipped items) for a late
 * fusion choice, written by {@link dev.fusionlab.report.ReportJson} (snake_case keys, {@code schema_version})
 * as the CLI's {@code metrics.json} and the GUI's metrics export alike, and {@code run.json} (provenance);
 * {@link dev.fusionlab.report.ReportCsv} flattens the scores for spreadsheets.
 */
package dev.fusionlab.report;

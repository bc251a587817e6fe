package org.switchboard.admin.operations;

import java.util.List;
import java.util.Locale;

/**
 * A small line chart drawn on the server as SVG points (no script): {@code points} for a {@code polyline} in a
 * {@value #WIDTH}×{@value #HEIGHT} box, scaled from zero to the largest sample.
 *
 * @param current the newest sample, null when there is none
 */
public record Chart(String id, String title, String unit, List<Double> values, Double current, double max, String points) {

	static final int WIDTH = 240;
	static final int HEIGHT = 48;

	static Chart of(String id, String title, String unit, List<Double> values) {
		double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		double scale = max <= 0 ? 0 : (HEIGHT - 2) / max;
		StringBuilder points = new StringBuilder();
		int n = values.size();
		for (int i = 0; i < n; i++) {
			double x = n == 1 ? WIDTH : (double) i * WIDTH / (n - 1);
			double y = HEIGHT - 1 - values.get(i) * scale;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return new Chart(id, title, unit, List.copyOf(values), n == 0 ? null : values.get(n - 1), max, points.toString().trim());
	}

	/** The newest sample as text: whole numbers, and long waits in minutes or hours. */
	public String currentText() {
		if (current == null) {
			return "no data yet";
		}
		if (!"seconds".equals(unit)) {
			return Math.round(current) + " " + unit;
		}
		long seconds = Math.round(current);
		return seconds < 120 ? seconds + " s" : seconds < 7_200 ? seconds / 60 + " min" : seconds / 3_600 + " h";
	}
}

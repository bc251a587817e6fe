package dev.switchboard.salesforce.sandbox.api;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as Bulk API 2.0 reads and writes it: quoted fields may hold delimiters, quotes ("") and line breaks. */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text, char delimiter) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == delimiter) {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	static String line(List<String> cells) {
		List<String> quoted = cells.stream().map(c -> "\"" + (c == null ? "" : c.replace("\"", "\"\"")) + "\"").toList();
		return String.join(",", quoted) + "\n";
	}
}

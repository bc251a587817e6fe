package org.switchboard.notifications.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A parsed template: literal text and placeholders, in order. */
public record Template(List<Object> parts) {

	public Template {
		parts = List.copyOf(parts);
	}

	public List<Placeholder> placeholders() {
		return parts.stream().filter(Placeholder.class::isInstance).map(Placeholder.class::cast).toList();
	}

	/** The paths whose current values the template shows. */
	public Set<String> currentPaths() {
		Set<String> paths = new LinkedHashSet<>();
		placeholders().stream().filter(p -> !p.prior()).forEach(p -> paths.add(p.path()));
		return paths;
	}

	/** Literal text as written, each placeholder replaced by {@code value} (plain text: nothing is interpreted). */
	public String render(Function<Placeholder, String> value) {
		StringBuilder text = new StringBuilder();
		for (Object part : parts) {
			text.append(part instanceof Placeholder p ? value.apply(p) : part);
		}
		return text.toString();
	}
}

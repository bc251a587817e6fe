package dev.switchboard.sandbox.spaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;

/**
 * A message's content as Webex keeps it: a markdown message also carries {@code html}, and its {@code text} is
 * the plain-text rendering unless the sender gave one. Mentions are Webex's tags {@code <@personId:ID|name>},
 * {@code <@personEmail:EMAIL|name>} and {@code <@all>} in the markdown: they set {@code mentionedPeople} (people
 * and bots alike) and {@code mentionedGroups}; a name in plain text is not a mention.
 */
final class Markdown {

	private static final Pattern MENTION = Pattern.compile("<@(?:(personId|personEmail):([^|>\\s]+)(?:\\|([^>]*))?|(all))>");
	private static final Parser PARSER = Parser.builder().build();
	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();
	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private Markdown() {
	}

	/** What a message holds once posted or edited. */
	record Rendered(String text, String markdown, String html, List<String> mentionedPeople, List<String> mentionedGroups) {
	}

	static Rendered render(String text, String markdown, People people) {
		if (markdown == null) {
			return new Rendered(text, null, null, List.of(), List.of());
		}
		List<String> mentioned = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		List<String[]> replacements = new ArrayList<>();
		Matcher m = MENTION.matcher(markdown);
		StringBuilder prepared = new StringBuilder();
		while (m.find()) {
			String placeholder = "SBXMENTION" + replacements.size() + "X";
			if (m.group(4) != null) {
				groups.add("all");
				replacements.add(new String[] {"All", "<spark-mention data-object-type=\"groupMention\" data-group-type=\"all\">All</spark-mention>"});
			}
			else {
				Optional<Person> person = m.group(1).equals("personId") ? people.find(m.group(2)) : people.byEmail(m.group(2));
				String name = m.group(3) != null ? m.group(3) : person.map(Person::displayName).orElse(m.group(2));
				person.map(Person::id).filter(id -> !mentioned.contains(id)).ifPresent(mentioned::add);
				replacements.add(new String[] {name, person.map(p -> "<spark-mention data-object-type=\"person\" data-object-id=\""
						+ escape(p.id()) + "\">" + escape(name) + "</spark-mention>").orElse(escape(name))});
			}
			m.appendReplacement(prepared, placeholder);
		}
		m.appendTail(prepared);
		Node document = PARSER.parse(prepared.toString());
		String html = HTML.render(document).strip();
		String plain = TEXT.render(withoutLinkTargets(document)).strip();
		for (int i = 0; i < replacements.size(); i++) {
			String placeholder = "SBXMENTION" + i + "X";
			plain = plain.replace(placeholder, replacements.get(i)[0]);
			html = html.replace(placeholder, replacements.get(i)[1]);
		}
		return new Rendered(text != null ? text : plain, markdown, html, List.copyOf(mentioned), List.copyOf(groups));
	}

	/** The plain text shows a link's words, not its target: each link is replaced by its children. */
	private static Node withoutLinkTargets(Node document) {
		List<Link> links = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Link link) {
				links.add(link);
				visitChildren(link);
			}
		});
		for (Link link : links) {
			Node child = link.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				link.insertBefore(child);
				child = next;
			}
			link.unlink();
		}
		return document;
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}

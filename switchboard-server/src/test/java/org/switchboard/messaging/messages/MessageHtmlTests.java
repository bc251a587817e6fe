package org.switchboard.messaging.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Whatever a message says, its HTML can neither run script nor load anything. */
class MessageHtmlTests {

	private static final Pattern TAG = Pattern.compile("<\\/?([a-zA-Z0-9]+)([^>]*)>");
	/** Group 2 is anything between one attribute's quoted value and the next name: must be nothing but spaces. */
	private static final Pattern ATTRIBUTE = Pattern.compile("\\s*([a-zA-Z-]+)=\"[^\"]*\"([^\\s]*)");

	private final MessageHtml html = new MessageHtml();

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
			"<iframe src=\"https://evil.test\"></iframe>", "[x](javascript:alert(1))", "[x](JavaScript:alert(1))",
			"[x](javascript&#58;alert(1))", "<javascript:alert(1)>", "[x](data:text/html;base64,PHNjcmlwdD4=)",
			"[x](vbscript:msgbox(1))", "![x](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>",
			"<div style=\"background:url(javascript:alert(1))\">x</div>", "[x](\"onmouseover=alert(1))" })
	void attacksComeOutInert(String markdown) {
		String rendered = html.markdown(markdown);

		Matcher tag = TAG.matcher(rendered);
		while (tag.find()) {
			assertThat(tag.group(1)).as("tag in %s", rendered).isIn("p", "a", "strong", "em", "code", "pre", "ul", "ol", "li", "br");
			Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
			while (attribute.find()) {
				assertThat(attribute.group(1)).as("attribute in %s", rendered).isIn("href", "rel", "target");
				assertThat(attribute.group(2)).as("attribute value in %s", rendered).isEmpty();
			}
			assertThat(tag.group(2)).as("link in %s", rendered).doesNotContainIgnoringCase("javascript:")
				.doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("vbscript:");
		}
	}

	@Test
	void markdownKeepsItsFormattingAndSafeLinks() {
		String rendered = html.markdown("**bold** _it_ `code` [site](https://example.com/a?b=1&c=2) <mailto:ann@example.com>\n\n- one\n- two");

		assertThat(rendered).contains("<strong>bold</strong>", "<em>it</em>", "<code>code</code>", "<li>one</li>")
			.contains("href=\"https://example.com/a?b=1&amp;c=2\"", "rel=\"nofollow noopener noreferrer\"", "target=\"_blank\">site</a>")
			.contains("href=\"mailto:ann@example.com\"");
	}

	@Test
	void imagesBecomeLinksSoNothingLoads() {
		assertThat(html.markdown("![chart](https://example.com/c.png)"))
			.startsWith("<p><a ").contains("href=\"https://example.com/c.png\"").endsWith(">chart</a></p>\n").doesNotContain("<img");
	}

	@Test
	void plainTextIsEscapedAndKeepsItsLineBreaks() {
		assertThat(html.text("a < b & \"c\"\n<b>d</b>")).isEqualTo("<p>a &lt; b &amp; &quot;c&quot;<br>&lt;b&gt;d&lt;/b&gt;</p>");
	}
}

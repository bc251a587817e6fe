package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.switchboard.notifications.template.Placeholder;
import org.switchboard.notifications.template.Template;
import org.switchboard.notifications.template.TemplateException;
import org.switchboard.notifications.template.TemplateParser;
import org.switchboard.notifications.template.Values;

/** The template language on its own: Cisco's placeholders, prior values, and errors that say what and where. */
class TemplateParserTests {

	@Test
	void readsLiteralTextFieldsRelationshipPathsAndPriorValues() {
		Template template = TemplateParser.parse("Stage of [[Name]] is [[ StageName ]] (was [[prior:StageName]], [[Owner.Profile.Name]])");

		assertThat(template.placeholders()).containsExactly(new Placeholder("Name", false), new Placeholder("StageName", false),
				new Placeholder("StageName", true), new Placeholder("Owner.Profile.Name", false));
		assertThat(template.currentPaths()).containsExactly("Name", "StageName", "Owner.Profile.Name");
		assertThat(template.render(p -> p.prior() ? "A" : "<" + p.path() + ">"))
			.isEqualTo("Stage of <Name> is <StageName> (was A, <Owner.Profile.Name>)");
	}

	@Test
	void textWithoutPlaceholdersAndLoneBracketsStaysLiteral() {
		assertThat(TemplateParser.parse("Deal [won] ]] today").render(p -> "x")).isEqualTo("Deal [won] ]] today");
	}

	@Test
	void malformedPlaceholdersAreRefusedWithWhatAndWhere() {
		assertThatThrownBy(() -> TemplateParser.parse("Stage [[StageName")).isInstanceOf(TemplateException.class)
			.hasMessageContaining("position 7").hasMessageContaining("never closed");
		assertThatThrownBy(() -> TemplateParser.parse("[[]]")).hasMessageContaining("'[[]]'");
		assertThatThrownBy(() -> TemplateParser.parse("[[Owner..Name]]")).hasMessageContaining("Owner..Name");
		assertThatThrownBy(() -> TemplateParser.parse("[[before:StageName]]")).hasMessageContaining("before:StageName");
		assertThatThrownBy(() -> TemplateParser.parse("[[prior:Owner.Name]]")).hasMessageContaining("record's own fields");
		assertThatThrownBy(() -> TemplateParser.parse(" ")).hasMessageContaining("required");
	}

	@Test
	void aPathOfThousandsOfSegmentsOrWithNonAsciiLettersIsRefusedNotOverflowed() {
		assertThatThrownBy(() -> TemplateParser.parse("[[a" + ".a".repeat(3_500) + "]]")).isInstanceOf(TemplateException.class);
		assertThatThrownBy(() -> TemplateParser.parse("[[Owner.A.B.C.D.E.Name]]")).isInstanceOf(TemplateException.class);
		assertThatThrownBy(() -> TemplateParser.parse("[[Owner.Profile.Name\u017F]]")).isInstanceOf(TemplateException.class);
		assertThat(TemplateParser.parse("[[Owner.A.B.C.D.Name]]").currentPaths()).containsExactly("Owner.A.B.C.D.Name");
	}

	@Test
	void valuesAreShownPlainlyAndMessagesFitWebexsLimit() {
		assertThat(Values.text(null)).isEmpty();
		assertThat(Values.text(new java.math.BigDecimal("12500.00"))).isEqualTo("12500");
		assertThat(Values.text(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");

		String accents = "é".repeat(5_000);
		String fitted = Values.fitForWebex(accents);
		assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Values.MAX_MESSAGE_BYTES);
		assertThat(fitted).endsWith("…").startsWith("éé");
		assertThat(Values.fitForWebex("short")).isEqualTo("short");
		String emoji = Values.fitForWebex("😀".repeat(3_000));
		assertThat(new String(emoji.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).as("no half surrogate pair").isEqualTo(emoji);
	}
}

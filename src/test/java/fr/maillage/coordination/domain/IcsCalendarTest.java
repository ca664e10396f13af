package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The iCalendar text of meetings (RFC 5545), read back by ical4j: the event opens at the
 * time typed in Paris, summer and winter; text escaped; lines folded at 75 octets.
 */
class IcsCalendarTest {

	@ParameterizedTest(name = "«{0}» → «{1}»")
	@CsvSource(delimiter = '|', textBlock = """
			Comité technique                | Comité technique
			Lyon, salle 2; étage 3          | Lyon\\, salle 2\\; étage 3
			a\\b                            | a\\\\b
			""")
	void textIsEscaped(String text, String escaped) {
		assertThat(IcsCalendar.escape(text)).isEqualTo(escaped);
	}

	@Test
	void newlinesAreEscaped() {
		assertThat(IcsCalendar.escape("1. Accueil\r\n2. Bilan\n3. Suite"))
			.isEqualTo("1. Accueil\\n2. Bilan\\n3. Suite");
	}

	@Test
	void linesAreFoldedAt75OctetsWithoutCuttingACharacter() {
		StringBuilder out = new StringBuilder();
		IcsCalendar.line(out, "DESCRIPTION:" + "é".repeat(100));

		String[] lines = out.toString().split("\r\n");
		assertThat(lines).hasSizeGreaterThan(2);
		for (String line : lines) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\uFFFD");
		}
		assertThat(out.toString().replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "é".repeat(100) + "\r\n");
	}

	@ParameterizedTest(name = "{0} UTC opens at {1} in Paris")
	@CsvSource(textBlock = """
			2026-06-15T12:00:00Z, 2026-06-15T14:00
			2027-01-18T13:00:00Z, 2027-01-18T14:00
			""")
	void anInvitationOpensAtTheTimeTypedInParis(Instant start, LocalDateTime paris) throws Exception {
		String ics = IcsCalendar.write(IcsCalendar.Method.REQUEST,
				List.of(new IcsCalendar.Event("abc@maillage", 2, start, start.plusSeconds(7200),
						"Comité technique, bilan; suite", "Salle 2, Hôtel du Département",
						"Ordre du jour :\n1. Accueil\n2. Bilan, " + "très long texte ".repeat(20), null, false)),
				Instant.parse("2026-05-01T10:00:00Z"), null, "ne-pas-repondre@maillage.local", "camille@exemple.fr");

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
		assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("abc@maillage");
		assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("Comité technique, bilan; suite");
		assertThat(event.getDescription().orElseThrow().getValue())
			.startsWith("Ordre du jour :\n1. Accueil\n2. Bilan, très");
		Temporal opens = event.getDateTimeStart().orElseThrow().getDate();
		assertThat(opens).isInstanceOf(ZonedDateTime.class);
		ZonedDateTime zoned = ((ZonedDateTime) opens).withZoneSameInstant(MeetingRules.PARIS);
		assertThat(zoned.toLocalDateTime()).isEqualTo(paris);
		assertThat(zoned.toInstant()).isEqualTo(start);
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
		assertThat(ics).endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void aCancellationSaysSo() throws Exception {
		String ics = IcsCalendar.write(IcsCalendar.Method.CANCEL,
				List.of(new IcsCalendar.Event("abc@maillage", 3, Instant.parse("2026-06-15T12:00:00Z"),
						Instant.parse("2026-06-15T14:00:00Z"), "Comité", null, null, null, true)),
				Instant.now(), null, "ne-pas-repondre@maillage.local", "camille@exemple.fr");

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
		VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
		assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("3");
	}

}

package fr.maillage.coordination.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Meetings as iCalendar (RFC 5545; ADR 0025): times in Europe/Paris local time with the
 * zone's VTIMEZONE (calendars show 14:00 as typed, summer or winter), text escaped
 * (backslash, comma, semicolon, newline), lines folded at 75 octets without splitting a
 * UTF-8 character, CRLF endings. One UID per meeting, its version as SEQUENCE, so that an
 * update or a cancellation replaces the event already in a calendar.
 */
public final class IcsCalendar {

	/** What a calendar is for: an invitation, its cancellation, a published feed. */
	public enum Method {

		REQUEST, CANCEL, PUBLISH

	}

	/**
	 * A meeting as an event: nothing personal.
	 *
	 * @param uid stable per meeting
	 * @param sequence grows with each change
	 */
	public record Event(String uid, int sequence, Instant start, Instant end, String summary, @Nullable String location,
			@Nullable String description, @Nullable String url, boolean cancelled) {
	}

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final String CRLF = "\r\n";

	/**
	 * Europe/Paris since 1996: last Sunday of March 02:00 → CEST, of October 03:00 → CET.
	 */
	private static final List<String> VTIMEZONE = List.of("BEGIN:VTIMEZONE", "TZID:Europe/Paris", "BEGIN:DAYLIGHT",
			"TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0200",
			"TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
			"END:STANDARD", "END:VTIMEZONE");

	private IcsCalendar() {
	}

	/**
	 * @param name the calendar's name (X-WR-CALNAME), for a feed
	 * @param organizer the sender's address, for an invitation or its cancellation
	 * @param attendee the recipient's address, for an invitation or its cancellation
	 */
	public static String write(Method method, List<Event> events, Instant now, @Nullable String name,
			@Nullable String organizer, @Nullable String attendee) {
		StringBuilder ics = new StringBuilder(512 + events.size() * 400);
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Maillage//Reunions//FR");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:" + method.name());
		if (name != null) {
			line(ics, "X-WR-CALNAME:" + escape(name));
			line(ics, "X-WR-TIMEZONE:Europe/Paris");
		}
		VTIMEZONE.forEach(text -> line(ics, text));
		String stamp = LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(LOCAL) + "Z";
		for (Event event : events) {
			line(ics, "BEGIN:VEVENT");
			line(ics, "UID:" + escape(event.uid()));
			line(ics, "SEQUENCE:" + event.sequence());
			line(ics, "DTSTAMP:" + stamp);
			line(ics, "DTSTART;TZID=Europe/Paris:" + paris(event.start()));
			line(ics, "DTEND;TZID=Europe/Paris:" + paris(event.end()));
			line(ics, "SUMMARY:" + escape(event.summary()));
			if (event.location() != null) {
				line(ics, "LOCATION:" + escape(event.location()));
			}
			if (event.description() != null) {
				line(ics, "DESCRIPTION:" + escape(event.description()));
			}
			if (event.url() != null) {
				line(ics, "URL:" + event.url());
			}
			if (organizer != null && method != Method.PUBLISH) {
				line(ics, "ORGANIZER;CN=Maillage:mailto:" + organizer);
			}
			if (attendee != null && method != Method.PUBLISH) {
				line(ics, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + attendee);
			}
			boolean cancelled = event.cancelled() || method == Method.CANCEL;
			line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
			line(ics, "TRANSP:OPAQUE");
			line(ics, "END:VEVENT");
		}
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/** A local time in Paris, as DTSTART;TZID=Europe/Paris writes it. */
	static String paris(Instant instant) {
		return LocalDateTime.ofInstant(instant, MeetingRules.PARIS).format(LOCAL);
	}

	/** TEXT value escaping (RFC 5545 §3.3.11). */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				default -> {
					// other control characters are not allowed in TEXT
					if (c >= 0x20 || c == '\t') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * Appends a content line folded at 75 octets (RFC 5545 §3.1): each continuation
	 * starts with a space, and a UTF-8 character is never cut.
	 */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
			if (octets + size > limit) {
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append(CRLF);
	}

}

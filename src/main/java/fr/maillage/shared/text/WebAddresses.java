package fr.maillage.shared.text;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which web addresses Maillage keeps and links to: {@code http} and {@code https} only,
 * written in full. Anything else ({@code javascript:}, {@code data:}, {@code vbscript:},
 * protocol-relative {@code //host}, a scheme hidden behind entities or percent-encoding)
 * would run or load something the person did not ask for when the link is followed, so it
 * is refused at the door (imports, edits) and again when a page builds a link (data
 * stored before this rule, or written straight into the database).
 */
public final class WebAddresses {

	/**
	 * The whole value, no leading or trailing blank: a scheme the browser would read once
	 * it has stripped blanks, tabs or newlines must not hide behind them. No quote, angle
	 * bracket, backslash or blank inside: none is needed in a real address and each is a
	 * way out of an attribute or of a URL parser's expectations.
	 */
	private static final Pattern HTTP = Pattern.compile("^https?://[^\\s/$.?#\"'<>\\\\`][^\\s\"<>\\\\`]*$",
			Pattern.CASE_INSENSITIVE);

	private WebAddresses() {
	}

	/** A full {@code http(s)://host…} address, with nothing a link could misuse. */
	public static boolean isHttp(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				return false;
			}
		}
		return HTTP.matcher(value).matches();
	}

	/**
	 * The address when it is safe to link to, else nothing: for pages building a link.
	 */
	public static @Nullable String safe(@Nullable String value) {
		return isHttp(value) ? value : null;
	}

}

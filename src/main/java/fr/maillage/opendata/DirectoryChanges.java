package fr.maillage.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.opendata.persistence.JdbcChangeFeedRepository;
import fr.maillage.opendata.persistence.JdbcChangeFeedRepository.ChangeRow;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceOrigin;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed in the published directory since an instant (issue 19, ADR 0015), so that
 * a partner syncs incrementally: lieux created, changed, merged into another (with the
 * surviving id) or removed. Each lieu is listed once, in its latest state; pages follow
 * the order in which changes were committed, and a {@link Cursor} resumes exactly after
 * the last change read, whatever is published meanwhile.
 */
@Service
public class DirectoryChanges {

	/** The most changes one page may hold. */
	public static final int MAX_PAGE = 1_000;

	private final JdbcChangeFeedRepository feed;

	private final PlaceDirectory places;

	DirectoryChanges(JdbcChangeFeedRepository feed, PlaceDirectory places) {
		this.feed = feed;
		this.places = places;
	}

	/** What happened to a lieu, from the reader's point of view. */
	public enum Kind {

		/** Published for the first time since the reader's instant. */
		CREATED("cree"),
		/** Published before the reader's instant, changed since. */
		CHANGED("modifie"),
		/** Its records now belong to another lieu: {@link Change#survivorId}. */
		MERGED("fusionne"),
		/** No longer published. */
		REMOVED("supprime");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	/**
	 * One lieu's latest change.
	 *
	 * @param lieu the lieu as published now (created or changed only)
	 * @param origins its source records (created or changed only)
	 */
	public record Change(String id, Kind kind, @Nullable String survivorId, @Nullable String departement, Instant at,
			@Nullable Place lieu, List<PlaceOrigin> origins) {
	}

	/**
	 * Where a reader is: the rank of the last change it read (changes are ranked in the
	 * order they were committed). Written as an opaque token in the API.
	 */
	public record Cursor(long afterRank) {

		private static final Pattern TOKEN = Pattern.compile("r(\\d{1,18})");

		public String token() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("r" + afterRank).getBytes(StandardCharsets.US_ASCII));
		}

		/** The cursor a token stands for; empty when it is not one of ours. */
		public static Optional<Cursor> parse(String token) {
			try {
				Matcher matcher = TOKEN
					.matcher(new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII));
				return matcher.matches() ? Optional.of(new Cursor(Long.parseLong(matcher.group(1)))) : Optional.empty();
			}
			catch (IllegalArgumentException notOurs) {
				return Optional.empty();
			}
		}

	}

	/**
	 * A page of changes.
	 *
	 * @param next where the following page starts (also when this one is the last: the
	 * reader keeps it for its next sync)
	 * @param more whether more changes follow now
	 */
	public record ChangePage(List<Change> changes, Cursor next, boolean more) {
	}

	/** The start of a reader's first sync: changes made after {@code since}. */
	@Transactional(readOnly = true)
	public Cursor start(Instant since) {
		return new Cursor(feed.findRankBefore(since));
	}

	/** Up to {@code limit} changes after the cursor, in one département or everywhere. */
	@Transactional(readOnly = true)
	public ChangePage listChanges(Cursor cursor, @Nullable String departement, int limit) {
		return listChanges(cursor, departement, limit, true);
	}

	/**
	 * @param withLieux false: ids, kinds, dates and survivors only — the feed's own rows,
	 * without reading the lieux (a partner that fetches what changed by itself, issue
	 * 19's 50 ms page); a row's state is then its kind as recorded under the directory's
	 * lock
	 */
	@Transactional(readOnly = true)
	public ChangePage listChanges(Cursor cursor, @Nullable String departement, int limit, boolean withLieux) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new IllegalArgumentException("limit " + limit);
		}
		List<ChangeRow> rows = feed.listAfter(cursor.afterRank(), departement, limit + 1);
		boolean more = rows.size() > limit;
		List<ChangeRow> page = more ? rows.subList(0, limit) : rows;
		long last = page.isEmpty() ? cursor.afterRank() : page.get(page.size() - 1).rank();
		return new ChangePage(withLieux ? complete(page, cursor.afterRank()) : outline(page, cursor.afterRank()),
				new Cursor(last), more);
	}

	/** The latest changes, most recent first (feeds). */
	@Transactional(readOnly = true)
	public List<Change> listLatest(@Nullable String departement, int limit) {
		// for a feed's reader, a lieu is new when it has not changed since the
		// transaction that published it
		return complete(feed.listLatest(departement, limit), -1);
	}

	/** The changes as the feed recorded them, without their lieux. */
	private static List<Change> outline(List<ChangeRow> rows, long seenUpTo) {
		List<Change> changes = new ArrayList<>(rows.size());
		for (ChangeRow row : rows) {
			Kind kind = switch (row.state()) {
				case "fusionne" -> Kind.MERGED;
				case "supprime" -> Kind.REMOVED;
				default -> row.createdRank() > seenUpTo ? Kind.CREATED : Kind.CHANGED;
			};
			changes.add(new Change(row.lieuId(), kind, row.survivorId(), row.departement(), row.changedAt(), null,
					List.of()));
		}
		return changes;
	}

	/**
	 * @param seenUpTo the rank up to which the reader has read; negative: a lieu is new
	 * when it has not changed since the transaction that published it
	 */
	private List<Change> complete(List<ChangeRow> rows, long seenUpTo) {
		List<String> published = rows.stream()
			.filter(row -> row.state().equals("publie"))
			.map(ChangeRow::lieuId)
			.toList();
		Map<String, Place> lieux = places.mapPublished(published);
		Map<String, List<PlaceOrigin>> origins = places.mapOrigins(published);
		List<Change> changes = new ArrayList<>(rows.size());
		for (ChangeRow row : rows) {
			Place lieu = lieux.get(row.lieuId());
			Kind kind = switch (row.state()) {
				case "fusionne" -> Kind.MERGED;
				case "supprime" -> Kind.REMOVED;
				// removed after the feed was read, before the lieu was: removed
				default -> lieu == null ? Kind.REMOVED
						: (seenUpTo < 0 ? row.createdAt().equals(row.changedAt()) : row.createdRank() > seenUpTo)
								? Kind.CREATED : Kind.CHANGED;
			};
			changes.add(new Change(row.lieuId(), kind, row.survivorId(), row.departement(), row.changedAt(),
					kind == Kind.REMOVED ? null : lieu,
					lieu == null ? List.of() : origins.getOrDefault(row.lieuId(), List.of())));
		}
		return changes;
	}

}

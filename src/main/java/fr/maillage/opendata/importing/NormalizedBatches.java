package fr.maillage.opendata.importing;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and normalises records on a worker thread, a few batches ahead of the thread that
 * writes them to the database, so that parsing and checking overlap with SQL instead of
 * adding to it. The queue is bounded: memory holds at most {@code AHEAD} batches whatever
 * the file size. A failure of the worker (a malformed file) is thrown by {@link #next()}
 * on the writing thread, inside its transaction.
 */
final class NormalizedBatches implements AutoCloseable {

	record Normalized(RawRecord record, RecordOutcome outcome) {
	}

	private static final int AHEAD = 3;

	private static final Object END = new Object();

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);

	private final Thread worker;

	NormalizedBatches(RecordReader reader, RecordNormalizer normalizer, String source, int batchSize,
			@Nullable RecordMapping mapping) {
		this.worker = new Thread(() -> produce(reader, normalizer, source, batchSize, mapping),
				"maillage-import-lecture");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	/**
	 * The original row stays the record of the outcome: rejected rows keep what was sent.
	 */
	private static RecordOutcome outcome(RawRecord record, RecordNormalizer normalizer, String source,
			@Nullable RecordMapping mapping) {
		if (mapping == null) {
			return normalizer.normalize(record, source);
		}
		RecordMapping.Result result = mapping.map(record);
		if (result.mapped() == null) {
			return new RecordOutcome.Rejected(List.of(result.refusal()), List.of());
		}
		return normalizer.normalize(result.mapped(), source);
	}

	private void produce(RecordReader reader, RecordNormalizer normalizer, String source, int batchSize,
			@Nullable RecordMapping mapping) {
		try {
			List<Normalized> batch = new ArrayList<>(batchSize);
			while (reader.hasNext()) {
				RawRecord record = reader.next();
				batch.add(new Normalized(record, outcome(record, normalizer, source, mapping)));
				if (batch.size() == batchSize) {
					queue.put(batch);
					batch = new ArrayList<>(batchSize);
				}
			}
			if (!batch.isEmpty()) {
				queue.put(batch);
			}
			queue.put(END);
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error failure) {
			try {
				queue.put(failure);
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The next batch, or an empty list once the file is read. */
	@SuppressWarnings("unchecked")
	List<Normalized> next() {
		Object item;
		try {
			item = queue.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Import interrompu", e);
		}
		if (item == END) {
			queue.offer(END);
			return List.of();
		}
		if (item instanceof RuntimeException failure) {
			throw failure;
		}
		if (item instanceof Error failure) {
			throw failure;
		}
		return (List<Normalized>) item;
	}

	@Override
	public void close() {
		worker.interrupt();
	}

}

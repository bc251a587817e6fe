package org.switchboard.platform.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file near its live data while the server runs and during bulk loads (ADR 0032). H2 never overwrites
 * a page in place, so every commit leaves old page copies behind in partly live chunks; its background writer
 * rewrites the sparse chunks and moves the rest to the front of the file, but {@code WRITE_DELAY=0} (ADR 0023: an
 * acknowledged webhook must survive kill -9) stops that thread. This does the same upkeep through H2's public API on
 * a thread of its own, a bounded step at a time, and only for an H2 file store that writes at commit:
 * <ol>
 * <li>when less than {@link #TARGET_FILL_RATE} % of the chunks' bytes are live, the live pages of the sparsest chunks
 * (at most {@link #REWRITE_BYTES}, doubled up to {@link #MAX_REWRITE_BYTES} while steps find no chunk whose live
 * data fits: a bulk load's commits make big chunks) are marked to be written again, then stored
 * ({@link MVStore#compact(int, int)},
 * which gives up if H2's store lock is not free within 10 ms, and {@link MVStore#tryCommit()}, which never waits);</li>
 * <li>when less than {@link #TARGET_FILL_RATE} % of the file is in use, up to {@link #MOVE_BYTES} of chunks are moved
 * into the free space near the start and the file is truncated
 * ({@link RandomAccessStore#compactMoveChunks(int, long, MVStore)}).</li>
 * </ol>
 * Both are H2's own steps of its background housekeeping: the rewritten pages hold the same data and are written
 * like any other change, so a kill -9 at any point leaves the last commit readable, as it does for H2's own thread.
 * A commit waits for a step in progress (milliseconds; see the ADR's figures), never the other way round.
 */
@Component
class H2Housekeeping implements SmartLifecycle {

	static final int TARGET_FILL_RATE = 80;
	static final int REWRITE_BYTES = 2 << 20;
	static final int MAX_REWRITE_BYTES = 32 << 20;
	static final long MOVE_BYTES = 8 << 20;
	private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

	private final DataSource dataSource;
	private final Duration every;
	private volatile ScheduledExecutorService worker;
	private volatile MVStore store;
	/**
	 * H2 skips a chunk whose live data exceeds the budget: a step that rewrote nothing doubles it, up to the cap; one
	 * that rewrote something halves it, down to {@link #REWRITE_BYTES}.
	 */
	private int rewriteBytes = REWRITE_BYTES;

	H2Housekeeping(DataSource dataSource, @Value("${switchboard.h2.housekeeping-every:PT0.2S}") Duration every) {
		this.dataSource = dataSource;
		this.every = every;
	}

	@Override
	public void start() {
		store = writingAtCommit(dataSource);
		if (store != null) {
			worker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, "h2-housekeeping");
				thread.setDaemon(true);
				return thread;
			});
			worker.scheduleWithFixedDelay(this::step, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** One bounded step (the scheduled task; tests call it directly). False once the store is closed. */
	boolean step() {
		MVStore mv = store;
		if (mv == null || mv.isClosed()) {
			return false;
		}
		try {
			FileStore<?> file = mv.getFileStore();
			if (file.getChunksFillRate() < TARGET_FILL_RATE) {
				boolean rewrote = mv.compact(TARGET_FILL_RATE, rewriteBytes);
				if (rewrote) {
					mv.tryCommit();
				}
				rewriteBytes = rewrote ? Math.max(REWRITE_BYTES, rewriteBytes / 2) : Math.min(2 * rewriteBytes, MAX_REWRITE_BYTES);
			}
			if (file instanceof RandomAccessStore random && random.getFillRate() < TARGET_FILL_RATE) {
				random.compactMoveChunks(TARGET_FILL_RATE, MOVE_BYTES, mv);
			}
			return true;
		}
		catch (RuntimeException e) {
			// A store closing under the step (a shutdown) ends up here too; the next step sees it closed.
			log.debug("H2 housekeeping step failed", e);
			return !mv.isClosed();
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = worker;
		if (running != null) {
			running.shutdown();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			worker = null;
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

	/** The MVStore behind the data source when it is an H2 file written at every commit (no H2 writer thread). */
	static MVStore writingAtCommit(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)
					|| !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
				return null;
			}
			MVStore mv = session.getDatabase().getStore().getMvStore();
			boolean file = mv.getFileStore() != null && !mv.getFileStore().isReadOnly();
			return file && mv.getAutoCommitDelay() == 0 ? mv : null;
		}
		catch (SQLException e) {
			log.warn("Could not reach the database to start H2 housekeeping", e);
			return null;
		}
	}
}

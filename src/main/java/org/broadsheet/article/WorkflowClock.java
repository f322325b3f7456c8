package org.broadsheet.article;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs {@link ArticleWorkflow#runDue()} every {@code broadsheet.workflow.poll-interval}
 * (1 s). A database that is busy for a moment (a long import on SQLite) only delays it to
 * the next tick. Off in command-line runs ({@code broadsheet.workflow.clock=false}): the
 * serving nodes publish.
 */
@Component
@ConditionalOnProperty(name = "broadsheet.workflow.clock", havingValue = "true", matchIfMissing = true)
class WorkflowClock {

	private static final Logger log = LoggerFactory.getLogger(WorkflowClock.class);

	private final ArticleWorkflow workflow;

	/** Consecutive failed ticks: the first of a run is a warning, the rest are noise. */
	private int failures;

	WorkflowClock(ArticleWorkflow workflow) {
		this.workflow = workflow;
	}

	@Scheduled(fixedDelayString = "${broadsheet.workflow.poll-interval:1s}")
	void tick() {
		try {
			// A read first: on SQLite the writing transaction would take the write lock
			// every tick.
			if (workflow.anyDue()) {
				workflow.runDue();
			}
			failures = 0;
		}
		catch (DataAccessException | TransactionException ex) {
			if (failures++ == 0) {
				log.warn("Scheduled publishing waits for the database: {}", ex.getMessage());
			}
		}
	}

}

package org.broadsheet.article;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Trash#purgeDue()} every {@code broadsheet.trash.purge-interval} (1 h) on
 * every serving node; the conditional DELETE makes each purge happen once. Off in
 * command-line runs, as {@link WorkflowClock}.
 */
@Component
@ConditionalOnProperty(name = "broadsheet.workflow.clock", havingValue = "true", matchIfMissing = true)
class TrashClock {

	private static final Logger log = LoggerFactory.getLogger(TrashClock.class);

	private final Trash trash;

	TrashClock(Trash trash) {
		this.trash = trash;
	}

	@Scheduled(fixedDelayString = "${broadsheet.trash.purge-interval:1h}",
			initialDelayString = "${broadsheet.trash.purge-interval:1h}")
	void tick() {
		try {
			int purged = trash.purgeDue();
			if (purged > 0) {
				log.info("Purged {} articles from the trash", purged);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Purging the trash waits for the database: {}", ex.getMessage());
		}
	}

}

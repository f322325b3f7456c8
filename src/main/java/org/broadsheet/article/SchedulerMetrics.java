package org.broadsheet.article;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * How late scheduled publishing is ({@code broadsheet.scheduler.lag}, seconds): the age
 * of the oldest publication, scheduled change or unpublishing that is due and not yet
 * done; 0 when nothing waits. Above a second or two, no node's scheduler is running (or
 * the database is busy). One indexed read per scrape.
 */
@Component
class SchedulerMetrics implements MeterBinder {

	private final ArticleRepository repository;

	private final Clock clock;

	SchedulerMetrics(ArticleRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("broadsheet.scheduler.lag", this, self -> lagSeconds())
			.description("Age of the oldest due scheduled work not yet done")
			.baseUnit("seconds")
			.register(registry);
	}

	private double lagSeconds() {
		long now = clock.millis();
		Long oldest = repository.oldestDue(now);
		return oldest == null ? 0 : (now - oldest) / 1000.0;
	}

}

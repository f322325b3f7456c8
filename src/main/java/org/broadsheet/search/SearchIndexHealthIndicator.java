package org.broadsheet.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.broadsheet.changelog.ChangeLog;
import org.broadsheet.shared.LoggedChange.Subject;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index in {@code /actuator/health} (as {@code searchIndex}, part of
 * readiness) and in the metrics: how many article entries of the change log this node's
 * index has still to apply ({@code broadsheet.search.index.lag}); comments, sections and
 * the other subjects are not the index's and never count. A lag is normal for a moment
 * after a change or while an import runs on another node; the index is DOWN only when it
 * cannot be read.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator, MeterBinder {

	private final Search search;

	private final ChangeLog changeLog;

	SearchIndexHealthIndicator(Search search, ChangeLog changeLog) {
		this.search = search;
		this.changeLog = changeLog;
	}

	@Override
	public Health health() {
		long applied = search.appliedSeq();
		long latest = changeLog.latestSeq(Subject.ARTICLE);
		return Health.up()
			.withDetail("appliedSeq", applied)
			.withDetail("latestSeq", latest)
			.withDetail("lag", changeLog.countAfter(applied, Subject.ARTICLE))
			.build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("broadsheet.search.index.lag", this, self -> lag())
			.description("Article change-log entries this node's search index has still to apply")
			.baseUnit("entries")
			.register(registry);
	}

	private double lag() {
		return changeLog.countAfter(search.appliedSeq(), Subject.ARTICLE);
	}

}

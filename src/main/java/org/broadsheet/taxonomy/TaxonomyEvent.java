package org.broadsheet.taxonomy;

import org.broadsheet.shared.LoggedChange;

/**
 * A section or tag was created or renamed (neither is ever deleted: an article's section
 * and tags are made with it). Published inside the transaction that made the change and
 * written to the change log; the page keys go separately, as {@code PagesChanged}.
 */
public sealed interface TaxonomyEvent extends LoggedChange {

	/** What happened; logged as its lower-case name. */
	enum What {

		/** Made by the first article that has it. */
		CREATED,
		/**
		 * An editor renamed it (a section: or changed whether it is an opinion section).
		 */
		RENAMED

	}

	What what();

	@Override
	default String kind() {
		return LoggedChange.key(what());
	}

	/** A section changed. */
	record SectionChanged(long subjectId, What what) implements TaxonomyEvent {

		@Override
		public Subject subject() {
			return Subject.SECTION;
		}

	}

	/** A tag changed. */
	record TagChanged(long subjectId, What what) implements TaxonomyEvent {

		@Override
		public Subject subject() {
			return Subject.TAG;
		}

	}

}

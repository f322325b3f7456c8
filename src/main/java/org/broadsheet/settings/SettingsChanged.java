package org.broadsheet.settings;

import org.broadsheet.shared.LoggedChange;

/**
 * An administrator saved the site settings. Published inside the transaction that saved
 * them and written to the change log (subject {@code settings}, id 1: the one row); the
 * page keys go separately, as every page ({@code PagesChanged}).
 */
public record SettingsChanged() implements LoggedChange {

	/** The id of the settings' one row. */
	static final long ROW = 1;

	@Override
	public Subject subject() {
		return Subject.SETTINGS;
	}

	@Override
	public long subjectId() {
		return ROW;
	}

	@Override
	public String kind() {
		return "saved";
	}

}
